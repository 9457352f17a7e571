/** The demo workspace: realistic fictional campaigns in English and Arabic, to try Tadamun. */
export {
  DemoWorkspaceError,
  isWorkspaceEmpty,
  loadDemoWorkspace,
  type DemoWorkspaceSummary,
  type LoadDemoWorkspaceOptions,
} from './load-demo-workspace';
