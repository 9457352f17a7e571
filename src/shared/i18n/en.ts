/** English: the reference catalogue. Every other catalogue has exactly these keys. */
export const en = {
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
