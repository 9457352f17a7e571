/** English: the reference catalogue. Every other catalogue has exactly these keys. */
export const en = {
  workspace: {
    opening: 'Opening your workspace…',
    openFailed: 'Your workspace could not be opened',
    openFailedHint:
      'Nothing was changed or deleted. Close Tadamun and start it again; if this keeps happening, restore your latest backup.',
    newerVersion:
      'This workspace was saved by a newer version of Tadamun. Update Tadamun to open it; nothing was changed.',
  },
  app: {
    name: 'Tadamun',
    tagline: 'Campaigns, contacts and letters for advocacy groups',
    offlineBadge: 'Offline',
    offlineHint: 'Tadamun makes no network connections. Your data stays on this computer.',
    skipToContent: 'Skip to content',
  },
  nav: {
    label: 'Main navigation',
    dashboard: 'Dashboard',
    campaigns: 'Campaigns',
    contacts: 'Contacts',
    templates: 'Templates',
    letters: 'Letters',
    settings: 'Settings',
    toggle: 'Show or hide navigation',
  },
  pages: {
    comingSoon: 'Coming soon',
    dashboard: {
      title: 'Dashboard',
      welcome: 'Welcome to Tadamun',
      intro:
        'Plan campaigns, keep your outreach contacts safe, and turn one well-argued message into a personal letter for every official.',
      stepsTitle: 'Getting started',
      stepCampaign: 'Create a campaign around the change you want.',
      stepContacts: 'Add the officials and allies you work with.',
      stepLetters: 'Write a template and generate personalized letters.',
      summaryTitle: 'Your workspace',
      counts: {
        campaigns: 'Campaigns',
        contacts: 'Contacts',
        organizations: 'Organizations',
        targets: 'Campaign targets',
        interactions: 'Logged interactions',
        templates: 'Templates',
      },
      demoTitle: 'Try Tadamun with a demo workspace',
      demoBody:
        'Load two sample campaigns, one in English and one in Arabic, with about 30 contacts, targets with stances, an outreach log and letter templates. Every person and organization in it is fictional.',
      demoLoad: 'Load the demo workspace',
      demoLoaded: 'The demo workspace is loaded.',
      demoFailed: 'The demo workspace could not be loaded. Nothing was changed.',
      demoEmptyHint:
        'Or start with an empty workspace: create your first campaign or add contacts.',
    },
    campaigns: {
      title: 'Campaigns',
      description:
        'Plan each campaign: its goal, the ask, the bill or policy, milestones and tasks, targets and their stances.',
    },
    contacts: {
      title: 'Contacts',
      description:
        'Officials, staff, allies and volunteers: search in Arabic and English, import from CSV or vCard, and keep the list clean.',
      searchLabel: 'Search contacts',
      searchPlaceholder: 'Name, organization, title, tag or note, in Arabic or English',
      showing: 'Showing {{shown}} of {{total}} contacts',
      noResults: 'No contact matches “{{query}}”.',
      empty:
        'No contacts yet. Load the demo workspace from the Dashboard, or add contacts once import lands.',
      doNotContact: 'Do not contact',
      sensitive: 'Sensitive',
    },
    templates: {
      title: 'Templates',
      description:
        'Letters, emails and call scripts with merge fields for names, titles, addresses and salutations.',
    },
    letters: {
      title: 'Letters',
      description:
        'Personalized DOCX letters to officials, one at a time or a whole campaign at once.',
    },
    settings: {
      title: 'Settings',
      languageTitle: 'Language',
      languageLabel: 'Interface language',
      languageHint: 'Menus, screens and messages. Arabic shows the whole app right to left.',
      appearanceTitle: 'Appearance',
      themeLabel: 'Theme',
      themeAuto: 'Follow system',
      themeLight: 'Light',
      themeDark: 'Dark',
      aboutTitle: 'About',
      aboutRuntime: 'Running in',
      runtimeElectron: 'Desktop app',
      runtimeBrowser: 'Web browser (test mode)',
    },
  },
  languages: {
    en: 'English',
    ar: 'العربية',
  },
  menu: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    help: 'Help',
    preferences: 'Settings…',
    quit: 'Quit Tadamun',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    toggleFullscreen: 'Toggle Full Screen',
    toggleDevTools: 'Toggle Developer Tools',
    about: 'About Tadamun',
    aboutDetail:
      'Version {{version}}. An offline app for advocacy campaigns. No network connections, no telemetry.',
    ok: 'OK',
  },
  errors: {
    saveFailed: 'The file could not be saved: {{reason}}',
  },
} as const;

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape every catalogue must have: the same keys as English, any strings. */
export type Catalogue = Widen<typeof en>;
