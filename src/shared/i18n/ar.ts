import type { Catalogue } from './en';

export const ar: Catalogue = {
  app: {
    name: 'تضامن',
    tagline: 'الحملات وجهات الاتصال والرسائل لمجموعات المناصرة',
    offlineBadge: 'دون اتصال',
    offlineHint: 'لا يتصل تضامن بالشبكة أبدًا. تبقى بياناتك على هذا الحاسوب.',
    skipToContent: 'انتقل إلى المحتوى',
  },
  nav: {
    label: 'التنقل الرئيسي',
    dashboard: 'لوحة المتابعة',
    campaigns: 'الحملات',
    contacts: 'جهات الاتصال',
    templates: 'القوالب',
    letters: 'الرسائل',
    settings: 'الإعدادات',
    toggle: 'إظهار قائمة التنقل أو إخفاؤها',
  },
  pages: {
    comingSoon: 'قريبًا',
    dashboard: {
      title: 'لوحة المتابعة',
      welcome: 'أهلًا بك في تضامن',
      intro:
        'خطّط لحملاتك، واحفظ جهات اتصالك بأمان، وحوّل رسالة واحدة محكمة إلى خطاب شخصي لكل مسؤول.',
      stepsTitle: 'البداية',
      stepCampaign: 'أنشئ حملة حول التغيير الذي تسعى إليه.',
      stepContacts: 'أضف المسؤولين والحلفاء الذين تعمل معهم.',
      stepLetters: 'اكتب قالبًا وأنشئ رسائل شخصية.',
    },
    campaigns: {
      title: 'الحملات',
      description:
        'خطّط لكل حملة: هدفها، والمطلب، ومشروع القانون أو السياسة، والمراحل والمهام، والمستهدفين ومواقفهم.',
    },
    contacts: {
      title: 'جهات الاتصال',
      description:
        'المسؤولون وفرق عملهم والحلفاء والمتطوعون: ابحث بالعربية والإنجليزية، واستورد من CSV أو vCard، وحافظ على القائمة نظيفة.',
    },
    templates: {
      title: 'القوالب',
      description:
        'رسائل وبريد إلكتروني ونصوص مكالمات بحقول دمج للأسماء والمناصب والعناوين والتحيات.',
    },
    letters: {
      title: 'الرسائل',
      description: 'رسائل DOCX شخصية إلى المسؤولين، واحدة تلو الأخرى أو لحملة كاملة دفعة واحدة.',
    },
    settings: {
      title: 'الإعدادات',
      languageTitle: 'اللغة',
      languageLabel: 'لغة الواجهة',
      languageHint: 'القوائم والشاشات والرسائل. تعرض العربية التطبيق كله من اليمين إلى اليسار.',
      appearanceTitle: 'المظهر',
      themeLabel: 'السمة',
      themeAuto: 'حسب النظام',
      themeLight: 'فاتحة',
      themeDark: 'داكنة',
      aboutTitle: 'حول التطبيق',
      aboutRuntime: 'يعمل في',
      runtimeElectron: 'تطبيق سطح المكتب',
      runtimeBrowser: 'متصفح ويب (وضع الاختبار)',
    },
  },
  languages: {
    en: 'English',
    ar: 'العربية',
  },
  menu: {
    file: 'ملف',
    edit: 'تحرير',
    view: 'عرض',
    help: 'مساعدة',
    preferences: 'الإعدادات…',
    quit: 'إنهاء تضامن',
    undo: 'تراجع',
    redo: 'إعادة',
    cut: 'قص',
    copy: 'نسخ',
    paste: 'لصق',
    selectAll: 'تحديد الكل',
    resetZoom: 'الحجم الفعلي',
    zoomIn: 'تكبير',
    zoomOut: 'تصغير',
    toggleFullscreen: 'ملء الشاشة',
    toggleDevTools: 'أدوات المطوّر',
    about: 'حول تضامن',
    aboutDetail:
      'الإصدار {{version}}. تطبيق يعمل دون اتصال لحملات المناصرة. لا اتصالات بالشبكة ولا تتبّع.',
    ok: 'حسنًا',
  },
  errors: {
    saveFailed: 'تعذّر حفظ الملف: {{reason}}',
  },
};
