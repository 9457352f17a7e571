/**
 * The Arabic demo campaign: asking a (fictional) parliamentary health committee to pass a bill
 * on confidential HIV testing that also protects people from arrest over test results or
 * prevention supplies. Written in Modern Standard Arabic.
 */
import type { DemoCampaign } from './demo-types';

export const DEMO_CAMPAIGN_AR: DemoCampaign = {
  key: 'ar.testing',
  campaign: {
    name: 'الفحص الآمن والسري حقٌّ للجميع',
    goal: 'أن تُقرّ لجنة الصحة والسكان مشروع القانون رقم 47 لسنة 2026 بشأن الفحص الطوعي والسري لفيروس نقص المناعة البشرية، بما يضمن سرية نتائج الفحص ومجانيته، ويمنع استخدام نتيجة الفحص أو حيازة وسائل الوقاية والعلاج دليلًا للاحتجاز أو الملاحقة.',
    ask: 'نطلب من أعضاء اللجنة التصويت لصالح المادتين 4 و7 من مشروع القانون كما قُدّمتا، ورفض أي تعديل يتيح لجهات غير طبية الاطلاع على نتائج الفحص، ورفع توصية إيجابية إلى الجلسة العامة قبل نهاية الدورة البرلمانية.',
    policy: {
      identifier: 'م.ق 47/2026',
      title: 'مشروع قانون الفحص الطوعي والسري لفيروس نقص المناعة البشرية',
      jurisdiction: 'مجلس النواب – لجنة الصحة والسكان',
      link: 'https://parliament.example.org/bills/2026/47',
    },
    status: 'active',
    language: 'ar',
    description: [
      'يتجنب كثيرون الفحص لأنهم يخشون أن تصل نتائجهم إلى أصحاب العمل أو الأسر أو الشرطة. وقد وثّق مركز العدالة للمساعدة القانونية خلال العامين الماضيين ثماني عشرة حالة احتجاز استُخدمت فيها الواقيات أو الأدوية الوقائية دليلًا، وانتهت جميعها دون إدانة.',
      'يضمن مشروع القانون في مادته الرابعة سرية نتائج الفحص، ويحصر الاطلاع عليها في الفريق الطبي المعالج، ويحظر في مادته السابعة احتجاز أي شخص أو ملاحقته بسبب نتيجة فحصه أو حيازته وسائل الوقاية والعلاج. ويحتاج المشروع إلى أصوات أربعة من أعضاء اللجنة السبعة.',
      'نركّز في خطابنا على الصحة العامة وكرامة الإنسان: كل فحص مبكر يحمي صاحبه وأسرته ومجتمعه. ولا نذكر اسم أي فرد من المجتمع في المراسلات أو الشهادات إلا بموافقته الصريحة المكتوبة.',
    ].join('\n\n'),
    tags: ['صحة عامة', 'فيروس نقص المناعة البشرية', 'سرية طبية', 'لجنة الصحة'],
    winThreshold: 0.5,
  },
  startInDays: -120,
  endInDays: 150,
  milestones: [
    { title: 'إعداد ورقة السياسات ومراجعتها مع الأطباء الشركاء', dueInDays: -90, done: true },
    { title: 'لقاء رئيسة لجنة الصحة والسكان', dueInDays: -45, done: true },
    { title: 'تقديم المذكرة المكتوبة إلى أمانة سر اللجنة', dueInDays: 13 },
    { title: 'جلسة الاستماع لمنظمات المجتمع المدني', dueInDays: 20 },
    { title: 'تصويت اللجنة على مشروع القانون', dueInDays: 75 },
    { title: 'مناقشة المشروع في الجلسة العامة', dueInDays: 140 },
  ],
  tasks: [
    {
      title: 'ترجمة ورقة السياسات إلى الإنجليزية للشركاء الدوليين',
      dueInDays: -20,
      status: 'done',
      owner: 'ar.volunteer.yousef',
    },
    {
      title: 'إرسال ملخص الأدلة الطبية إلى أمانة سر اللجنة',
      dueInDays: -3,
      status: 'todo',
      owner: 'ar.volunteer.yousef',
      notes: 'تراجعه الدكتورة نور الشامي قبل الإرسال.',
    },
    {
      title: 'ترتيب لقاء مع النائب يوسف العمري في دائرته',
      dueInDays: -1,
      status: 'in-progress',
      owner: 'ar.org.azzam',
    },
    {
      title: 'تجهيز إحاطة للصحفية ريم البكري قبل جلسة الاستماع',
      dueInDays: 4,
      status: 'todo',
      owner: 'ar.org.azzam',
    },
    {
      title: 'إعداد شهادات مكتوبة مجهولة الهوية لجلسة الاستماع',
      dueInDays: 10,
      status: 'in-progress',
      owner: 'ar.org.rashed',
      notes: 'تُحذف الأسماء والأماكن وكل ما قد يكشف الهوية قبل مشاركة أي شهادة.',
    },
    {
      title: 'إعداد الردود على الأسئلة المتوقعة من أعضاء اللجنة',
      dueInDays: 14,
      status: 'todo',
      owner: 'ar.org.rashed',
    },
  ],
  targets: [
    {
      contact: 'ar.mp.khatib',
      stance: 'supportive',
      priority: 1,
      history: [
        { daysAgo: 100, from: 'unknown', to: 'undecided', by: 'مازن عزام' },
        {
          daysAgo: 45,
          from: 'undecided',
          to: 'supportive',
          by: 'مازن عزام',
          note: 'بعد اللقاء في مكتبها؛ طلبت بيانات رسمية من وزارة الصحة.',
        },
      ],
      notes: 'رئيسة اللجنة: تحدد موعد التصويت.',
    },
    {
      contact: 'ar.mp.mansour',
      stance: 'champion',
      priority: 2,
      history: [
        {
          daysAgo: 95,
          from: 'unknown',
          to: 'champion',
          by: 'مازن عزام',
          note: 'قدّم المادتين 4 و7 باسمه.',
        },
      ],
    },
    {
      contact: 'ar.mp.saadi',
      stance: 'supportive',
      priority: 2,
      history: [
        { daysAgo: 80, from: 'unknown', to: 'undecided', by: 'سارة يوسف' },
        {
          daysAgo: 25,
          from: 'undecided',
          to: 'supportive',
          by: 'دينا راشد',
          note: 'بعد الاطلاع على تجارب دول أخرى في حماية سرية الفحص.',
        },
      ],
    },
    {
      contact: 'ar.mp.omari',
      stance: 'undecided',
      priority: 1,
      history: [{ daysAgo: 60, from: 'unknown', to: 'undecided', by: 'سارة يوسف' }],
      notes: 'الصوت الحاسم. تأخرت متابعة رسالتنا إليه.',
    },
    {
      contact: 'ar.mp.nasser',
      stance: 'unknown',
      priority: 2,
      notes: 'لم نلتقِ بها بعد.',
    },
    {
      contact: 'ar.exec.darwish',
      stance: 'undecided',
      priority: 2,
      history: [
        {
          daysAgo: 15,
          from: 'unknown',
          to: 'undecided',
          by: 'مازن عزام',
          note: 'يؤيد المادة 4 ويتحفظ على المادة 7.',
        },
      ],
      notes: 'ليس عضوًا في اللجنة، لكن رأي الوزارة الفني مؤثر فيها.',
    },
    {
      contact: 'ar.mp.qasim',
      stance: 'opposed',
      priority: 3,
      history: [
        {
          daysAgo: 11,
          from: 'unknown',
          to: 'opposed',
          by: 'سارة يوسف',
          note: 'ردّ كتابي برفض المشروع.',
        },
      ],
    },
    {
      contact: 'ar.mp.zubaidi',
      stance: 'hostile',
      priority: 5,
      notes: 'لا تواصل مباشر (انظر ملاحظات جهة الاتصال).',
    },
  ],
  interactions: [
    {
      contact: 'ar.mp.mansour',
      kind: 'meeting',
      daysAgo: 95,
      at: [11, 0],
      outcome: 'وافق على تقديم المادتين 4 و7 باسمه إلى اللجنة.',
    },
    {
      contact: 'ar.mp.khatib',
      kind: 'meeting',
      daysAgo: 45,
      at: [10, 30],
      outcome:
        'أبدت تأييدها لمبدأ سرية الفحص، وطلبت أرقامًا رسمية من وزارة الصحة عن معدلات الفحص والتشخيص المتأخر.',
      followUpInDays: -38,
      followUpDone: true,
    },
    {
      contact: 'ar.ally.shami',
      kind: 'call',
      daysAgo: 30,
      at: [19, 0],
      outcome: 'وافقت على تقديم الشهادة الطبية في جلسة الاستماع.',
      followUpInDays: -25,
      followUpDone: true,
    },
    {
      contact: 'ar.mp.saadi',
      kind: 'meeting',
      daysAgo: 25,
      at: [12, 0],
      outcome: 'أكدت دعمها بعد الاطلاع على تجارب دول أخرى في حماية سرية الفحص.',
      notes: 'حضر اللقاء مستشارها سامر جابر.',
    },
    {
      contact: 'ar.mp.omari',
      kind: 'letter',
      daysAgo: 21,
      at: [9, 0],
      outcome: 'أُرسلت إلى مكتبه رسالة مرفقة بورقة السياسات.',
      followUpInDays: -7,
    },
    {
      contact: 'ar.exec.darwish',
      kind: 'meeting',
      daysAgo: 15,
      at: [13, 0],
      outcome:
        'تؤيد الوزارة ضمانات السرية في المادة 4، لكنها تتحفظ على صياغة المادة 7 وتقترح التشاور فيها مع وزارة الداخلية.',
      notes: 'حضرت الدكتورة نور الشامي اللقاء.',
      followUpInDays: -2,
    },
    {
      contact: 'ar.mp.qasim',
      kind: 'letter',
      direction: 'incoming',
      daysAgo: 11,
      at: [14, 0],
      outcome: 'ردّ مكتوب يرفض المشروع بحجة «الحفاظ على النظام العام».',
    },
    {
      contact: 'ar.journalist.bakri',
      kind: 'meeting',
      daysAgo: 10,
      at: [17, 0],
      outcome:
        'لقاء تمهيدي: وافقت على عدم ذكر أي اسم من المجتمع، وتحتاج إلى تصريح من طبيب لمقالها.',
      followUpInDays: 4,
    },
    {
      contact: 'ar.staff.haj',
      kind: 'call',
      daysAgo: 9,
      at: [10, 0],
      outcome: 'أكدت مبدئيًا موعد جلسة الاستماع، وطلبت المذكرة المكتوبة قبل أسبوع منها.',
      followUpInDays: 12,
    },
    {
      contact: 'ar.mp.omari',
      kind: 'call',
      daysAgo: 6,
      at: [11, 15],
      outcome: 'قال مدير مكتبه إن النائب منشغل، واقترح موعدًا بعد أسبوعين.',
      followUpInDays: 8,
    },
    {
      contact: 'ar.mp.nasser',
      kind: 'email',
      daysAgo: 4,
      at: [9, 30],
      outcome: 'رسالة تعريفية بالحملة مع طلب لقاء قصير.',
      followUpInDays: 3,
    },
    {
      contact: 'ar.staff.jaber',
      kind: 'email',
      direction: 'incoming',
      daysAgo: 2,
      at: [16, 40],
      outcome: 'طلب نسخة من الصياغة المقترحة للمادة 7 مع مقارنتها بالنص الحالي.',
      followUpInDays: 0,
    },
  ],
};
