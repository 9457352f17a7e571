import { coalitionsEn } from './features/coalitions.en';
import { contactBookEn } from './features/contacts.en';
import { directoryEn } from './features/directory.en';
import { plannerEn } from './features/planner.en';
import { transferEn } from './features/transfer.en';
import { writerEn } from './features/writer.en';
import type { Widen } from './widen';

/** English: the reference catalogue. Every other catalogue has exactly these keys. */
export const en = {
  workspace: {
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
    serverBadge: 'Coalition sync',
    serverHint_one:
      'Tadamun connects only to your coalition’s server, {{servers}}, and sends it sealed records it cannot read. Everything else stays on this computer.',
    serverHint_other:
      'Tadamun connects only to your coalitions’ {{count}} servers ({{servers}}) and sends them sealed records they cannot read. Everything else stays on this computer.',
    skipToContent: 'Skip to content',
    loading: 'Loading…',
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
  common: {
    cancel: 'Cancel',
    details: 'Details',
    showPassphrase: 'Show or hide the passphrase',
    /** Names of file types in the save dialog's filter. */
    fileTypes: {
      docx: 'Word document',
      zip: 'ZIP archive',
      csv: 'CSV',
      vcard: 'vCard',
    },
  },
  vault: {
    checking: 'Opening Tadamun…',
    locking: 'Locking…',
    erasing: 'Erasing…',
    languageLabel: 'Language',
    setup: {
      title: 'Protect your workspace',
      intro:
        'Choose a passphrase. Tadamun encrypts everything you keep in it with this passphrase, so nobody who gets hold of this computer can read your campaigns and contacts without it.',
      passphraseLabel: 'Passphrase',
      passphraseHint_one:
        'At least {{n}} character. Four or more words that have nothing to do with each other are easy to remember and hard to guess.',
      passphraseHint_other:
        'At least {{n}} characters. Four or more words that have nothing to do with each other are easy to remember and hard to guess.',
      confirmLabel: 'Repeat the passphrase',
      mismatch: 'The two passphrases are not the same.',
      warningTitle: 'A forgotten passphrase cannot be reset',
      warning:
        'Nobody, not even the people who make Tadamun, can open your data without the passphrase. If you forget it and have no recovery key, your data is lost for good.',
      recoveryKeyLabel: 'Also create a recovery key',
      recoveryKeyHint:
        'A code that opens the workspace if the passphrase is forgotten. Anyone who has it can open your data, so keep it away from this computer.',
      submit: 'Encrypt and start',
      wiped:
        'Too many wrong passphrases were entered, so the workspace was erased, as set in Settings. You can start again with a new, empty workspace.',
      failed: 'The workspace could not be set up: {{reason}}',
    },
    rotation: {
      progress: 'Re-encrypting the workspace with its new key: {{done}} of {{total}}',
      progressLabel: 'Re-encrypting the workspace',
      newRecoveryKeyIntro:
        'Your workspace now has a new key, and a new recovery key: the old one no longer opens anything. Write this one on paper or keep it in a password manager, somewhere other than this computer. It is shown only this once.',
    },
    lockoutAltered: {
      title: 'Your lock settings were changed on this computer',
      body: 'Erase after failed attempts was found set to “{{found}}”, but the setting you chose is “{{restored}}”. Your setting has been put back. If you did not just change it, someone who had this computer may have altered its files, and until now their setting applied.',
      never: 'never',
      continue: 'Continue',
    },
    recoveryKey: {
      title: 'Your recovery key',
      intro:
        'Write it on paper or keep it in a password manager, somewhere other than this computer. It is shown only this once: Tadamun keeps no copy.',
      warning: 'Anyone who has this key can open your workspace.',
      copy: 'Copy',
      copied: 'Copied',
      stored: 'I have stored the recovery key safely',
      continue: 'Continue',
    },
    lock: {
      title: 'Tadamun is locked',
      intro: 'Enter your passphrase to open your workspace.',
      passphraseLabel: 'Passphrase',
      submit: 'Unlock',
      wrong: 'This passphrase is not correct.',
      attemptsLeft: 'Attempts left before the workspace is erased: {{attempts}}',
      forgot: 'Forgot the passphrase? Use the recovery key',
      failed: 'The workspace could not be opened: {{reason}}',
    },
    recover: {
      title: 'Unlock with the recovery key',
      intro:
        'Enter the recovery key you stored when you set up Tadamun, then choose a new passphrase.',
      keyLabel: 'Recovery key',
      keyInvalid_one: 'A recovery key has {{n}} letter or digit.',
      keyInvalid_other: 'A recovery key has {{n}} letters and digits, in groups of four.',
      wrongKey: 'This recovery key does not open this workspace.',
      newPassphraseLabel: 'New passphrase',
      confirmLabel: 'Repeat the new passphrase',
      submit: 'Set the new passphrase and unlock',
      back: 'Back',
    },
  },
  passphrase: {
    strength: 'Strength: {{level}}',
    levels: {
      veryWeak: 'Very weak',
      weak: 'Weak',
      fair: 'Fair',
      almost: 'Almost there',
      strong: 'Strong',
    },
    checking: 'Checking the strength…',
    tooShort_one: 'Use at least {{n}} character.',
    tooShort_other: 'Use at least {{n}} characters.',
    notYet: 'Not strong enough yet: add a word or two that have nothing to do with the rest.',
    strongEnough: 'Strong enough.',
    warnings: {
      straightRow: 'Straight rows of keys are easy to guess.',
      keyPattern: 'Short keyboard patterns are easy to guess.',
      simpleRepeat: 'Repeated characters like “aaa” are easy to guess.',
      extendedRepeat: 'Repeated patterns like “abcabcabc” are easy to guess.',
      sequences: 'Sequences like “abc” or “6543” are easy to guess.',
      recentYears: 'Recent years are easy to guess.',
      dates: 'Dates are easy to guess.',
      topTen: 'This is one of the most used passwords of all.',
      topHundred: 'This is a very often used password.',
      common: 'This is a commonly used password.',
      similarToCommon: 'This is similar to a commonly used password.',
      wordByItself: 'A single word is easy to guess.',
      namesByThemselves: 'Names on their own are easy to guess.',
      commonNames: 'Common first names and surnames are easy to guess.',
      userInputs: 'Do not use the app’s name or words like “password”.',
      pwned: 'This password appeared in a data breach.',
    },
  },
  security: {
    lockButton: 'Lock',
    lockHint: 'Lock Tadamun now ({{shortcut}})',
    title: 'Security',
    autoLockLabel: 'Lock automatically after',
    autoLockHint:
      'Tadamun locks itself when it has not been used for this long, and when the computer sleeps or its screen locks.',
    autoLock: {
      m1: '1 minute',
      minutes_one: '{{n}} minute',
      minutes_other: '{{n}} minutes',
      m60: '1 hour',
    },
    captureLabel: 'Hide Tadamun from screenshots and screen sharing',
    captureHint:
      'On Windows and macOS, screenshots, recordings and shared screens show an empty window instead of Tadamun. Linux does not offer this.',
    captureFailed: 'The setting could not be changed: {{reason}}',
    clipboardLabel: 'Clear copied text after',
    clipboardHint:
      'Text you copy from Tadamun is removed from the clipboard after this time, and when Tadamun locks or quits, unless something else was copied since.',
    clipboardSeconds: {
      seconds_one: '{{n}} second',
      seconds_other: '{{n}} seconds',
      s60: '1 minute',
      s120: '2 minutes',
    },
    panicHint:
      'In an emergency, press <kbd>{{shortcut}}</kbd>: Tadamun locks at once, clears what you copied from it and hides its window.',
    changeTitle: 'Change the passphrase',
    currentLabel: 'Current passphrase',
    newLabel: 'New passphrase',
    confirmLabel: 'Repeat the new passphrase',
    changeSubmit: 'Change the passphrase',
    changed:
      'The passphrase was changed, and everything was re-encrypted with a new key. Use the new passphrase from now on.',
    rotationIncomplete:
      'The new passphrase is set, but re-encrypting the workspace stopped ({{reason}}). It will finish the next time you unlock Tadamun.',
    wrongCurrent: 'The current passphrase is not correct.',
    sameAsCurrent: 'The new passphrase is the same as the current one.',
    changeFailed: 'The passphrase could not be changed: {{reason}}',
    wipeTitle: 'Erase after wrong passphrases',
    wipeLabel: 'Erase the workspace after too many wrong passphrases',
    wipeHint: 'Off by default. Protects your data if someone tries to guess the passphrase.',
    wipeCountLabel: 'Wrong passphrases in a row before erasing',
    wipeWarning_one:
      'After {{n}} wrong passphrase, Tadamun erases the whole workspace on this computer, for good, even if it was only mistyping. Keep a recent backup.',
    wipeWarning_other:
      'After {{n}} wrong passphrases in a row, Tadamun erases the whole workspace on this computer, for good, even if it was only mistyping. Keep a recent backup.',
    wipeSaved: 'Saved.',
    wipeFailed: 'The setting could not be saved: {{reason}}',
    eraseTitle: 'Erase all data',
    eraseBody:
      'Deletes the workspace, its keys and every setting from this computer, and starts Tadamun afresh. This cannot be undone: make a backup first if you want to keep your data.',
    eraseButton: 'Erase all data…',
    eraseConfirmTitle: 'Erase all data?',
    eraseConfirmBody: 'Everything in this workspace will be deleted from this computer, for good.',
    eraseWord: 'ERASE',
    eraseTypeLabel: 'To confirm, type {{word}}',
    eraseSubmit: 'Erase everything',
    eraseFailed: 'Erasing failed: {{reason}}',
  },
  duress: {
    title: 'Duress passphrase',
    intro:
      'Off by default. A second passphrase for when you are forced to unlock Tadamun: typed at the lock screen, it erases this workspace without a word and Tadamun opens as if newly installed. It takes as long as a wrong passphrase.',
    statusOn: 'A duress passphrase is set.',
    statusOff: 'No duress passphrase is set.',
    limits:
      'It erases this computer only: copies on other computers, a shared server, backups or an earlier copy of this disk survive, and a disk may still keep old data. Destroying data can itself be an offence in some countries. There is no decoy workspace.',
    passphraseLabel: 'Duress passphrase',
    passphraseHint: 'Different from your passphrase, and easy to remember under stress.',
    confirmLabel: 'Repeat the duress passphrase',
    submit: 'Set the duress passphrase',
    replace: 'Replace the duress passphrase',
    turnOff: 'Turn off',
    saved: 'The duress passphrase is set.',
    turnedOff: 'The duress passphrase is turned off.',
    empty: 'Type a duress passphrase.',
    mismatch: 'The two duress passphrases are not the same.',
    sameAsPassphrase: 'The duress passphrase must be different from your passphrase.',
    failed: 'The duress passphrase could not be saved: {{reason}}',
  },
  backup: {
    title: 'Backup',
    intro:
      'An encrypted copy of the whole workspace in one file. Keep it apart from this computer, on a USB stick for example.',
    createTitle: 'Create an encrypted backup',
    passphraseHint:
      'The backup has its own passphrase, which may differ from the app’s. Without it the backup cannot be opened.',
    passphraseLabel: 'Backup passphrase',
    confirmLabel: 'Repeat the backup passphrase',
    createSubmit: 'Create encrypted backup',
    created: 'Backup saved: {{fileName}}',
    createFailed: 'The backup could not be created: {{reason}}',
    fileName: 'Tadamun backup {{date}}',
    fileType: 'Tadamun encrypted backup',
    restoreTitle: 'Restore from a backup',
    restoreIntro: 'Brings back everything stored in a backup file.',
    fileLabel: 'Backup file',
    filePlaceholder: 'Choose a .tadamun-backup file',
    replaceWarning:
      'This workspace already holds data. Restoring replaces all of it with the contents of the backup.',
    replaceConfirm: 'Replace everything in this workspace with the backup',
    restoreSubmit: 'Restore the backup',
    restored: 'The backup was restored.',
    notBackup: 'This file is not an encrypted Tadamun backup. Nothing was changed.',
    newerVersion:
      'This backup was made by a newer version of Tadamun. Update Tadamun to restore it. Nothing was changed.',
    wrongPassphrase:
      'The backup could not be opened: the passphrase is wrong, or the file was altered or damaged. Nothing was changed.',
    alteredSettings:
      'The backup file’s key settings were altered (weakened or unknown), so it was not opened. Nothing was changed.',
    damaged: 'The backup’s contents are damaged, so nothing was restored and nothing was changed.',
    restoreFailed: 'The backup could not be restored: {{reason}}',
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
    newCampaign: 'New Campaign',
    logInteraction: 'Log Interaction…',
    find: 'Find…',
    quit: 'Quit Tadamun',
    lock: 'Lock Tadamun',
    hideAndLock: 'Hide and Lock',
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
  shell: {
    crashedTitle: 'Tadamun stopped',
    crashedMessage:
      'The window stopped working. Your saved data is safe. Restart it to unlock Tadamun again.',
    hungTitle: 'Tadamun is not responding',
    hungMessage:
      'The window has not responded for a while. Wait for it, or restart it and unlock Tadamun again (changes not yet saved are lost).',
    restart: 'Restart',
    wait: 'Wait',
    quit: 'Quit',
  },
  errors: {
    saveFailed: 'The file could not be saved: {{reason}}',
    workspaceClosed:
      'the workspace was locked before this was saved. Nothing of it was written: unlock the workspace and try again',
    storageFull: 'the disk is full. Free some space on this computer and try again',
    altered:
      'this workspace was altered on disk by someone without its key ({{where}}). Nothing was opened or changed. Restore a backup you trust, or erase the workspace.',
  },
  // One file per feature, so features can grow their messages side by side.
  contactBook: contactBookEn,
  transfer: transferEn,
  directory: directoryEn,
  planner: plannerEn,
  writer: writerEn,
  coalitions: coalitionsEn,
} as const;

/** The shape every catalogue must have: the same keys as English, any strings. */
export type Catalogue = Widen<typeof en>;
