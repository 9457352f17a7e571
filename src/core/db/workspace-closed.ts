/** A write asked of a workspace that was locked or closed meanwhile (an auto-lock mid-import). */
export class WorkspaceClosedError extends Error {
  constructor() {
    super('The workspace is locked or closed.');
    this.name = 'WorkspaceClosedError';
  }
}
