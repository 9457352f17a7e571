/**
 * Demo templates: letters, an email and call scripts in English and Arabic, in the letters
 * engine's document format (src/core/letters/document.ts). Letters get their date, recipient
 * address and subject from the page layout, so their bodies start with the salutation.
 */
import type { TemplateInput } from '../domain/template';
import {
  bulletList,
  doc,
  field,
  heading,
  orderedList,
  paragraph,
  serializeTemplateDocument,
  text,
} from '../letters/document';

const LETTER_EN = doc(
  paragraph(field('salutation')),
  paragraph(
    'We write on behalf of the Eastbridge Fairness Coalition, 42 organizations and congregations that serve and employ people in every ward of our city, to ask you to ',
    text('vote YES on Ordinance 2026-14', 'bold'),
    '.',
  ),
  paragraph(
    'Today a resident of Eastbridge can be refused an apartment, turned away from a job or asked to leave a restaurant because of who they are or whom they love, and the city can do nothing about it. Over the last three years, Eastbridge Fair Housing Legal Aid recorded 31 such complaints that fell outside the Human Rights Ordinance.',
  ),
  paragraph(
    'Ordinance 2026-14 adds sexual orientation and gender identity to the protections our city already gives on the basis of race, religion, disability and age. It uses the complaint process the Human Rights Commission runs today and needs no new staff.',
  ),
  paragraph(
    'We also ask you to oppose the proposed amendment that would exempt landlords with fewer than ten units. Most rental homes in Eastbridge are in such buildings{% if target.district %}, in {{ target.district }} as elsewhere{% endif %}: the exemption would leave most tenants without protection.',
  ),
  paragraph(
    'We would welcome the chance to meet with you or your staff before the committee hearing.',
  ),
);

const LETTER_AR = doc(
  paragraph(field('salutation')),
  paragraph('تحية طيبة وبعد،'),
  paragraph(
    'نتوجه إليكم باسم تحالف «الفحص حقٌّ للجميع»، الذي يضم جمعيات صحية وأطباء ومحامين يعملون في مختلف المحافظات، بشأن مشروع القانون رقم 47 لسنة 2026 المعروض على لجنة الصحة والسكان.',
  ),
  paragraph(
    'يتأخر كثيرون في إجراء فحص فيروس نقص المناعة البشرية، أو يمتنعون عنه، خوفًا من أن تصل نتائجهم إلى غير الطبيب المعالج، أو أن تُستخدم حيازتهم وسائل الوقاية دليلًا ضدهم. وكل تأخير في التشخيص يعني علاجًا أصعب وكلفة أعلى على الأسر وعلى النظام الصحي، وخطرًا أكبر على المجتمع كله.',
  ),
  paragraph(
    'ويعالج مشروع القانون هذه المخاوف بضمانتين واضحتين: تكفل المادة 4 سرية نتائج الفحص وتحصر الاطلاع عليها في الفريق الطبي المعالج، وتحظر المادة 7 احتجاز أي شخص أو ملاحقته بسبب نتيجة فحصه أو حيازته وسائل الوقاية والعلاج. وتتفق هاتان الضمانتان مع المبادئ التي توصي بها منظمة الصحة العالمية لخدمات الفحص، وفي مقدمتها الموافقة المستنيرة والسرية.',
  ),
  paragraph(
    'لذلك نرجو منكم ',
    text('التصويت لصالح المادتين 4 و7 كما قُدّمتا', 'bold'),
    '، ورفض أي تعديل يتيح لجهات غير طبية الاطلاع على نتائج الفحص.',
  ),
  paragraph(
    'ويسعدنا أن نضع بين أيديكم ورقة السياسات الكاملة والشهادات الطبية، وأن نلتقي بكم أو بفريق مكتبكم في الموعد الذي يناسبكم.',
  ),
);

const THANK_YOU_EN = doc(
  paragraph(field('salutation')),
  paragraph(
    'Thank you for meeting with us{% if meeting_date %} on {{ meeting_date }}{% endif %} about Ordinance 2026-14. We appreciated your questions and the time you gave us.',
  ),
  paragraph(
    'As promised, we attach our one-page summary of the 31 complaints Legal Aid recorded. If anything else would help you decide, please tell us and we will send it within the week.',
  ),
);

const CALL_SCRIPT_EN = doc(
  paragraph(
    text('Before you call: ', 'bold'),
    'check that the contact is not marked do-not-contact and read the latest interaction. Never give the name of a tenant or a volunteer.',
  ),
  heading(3, '1. Introduce yourself'),
  paragraph(
    '"Hello, my name is [your name]. I live in [your ward] and I am calling for the Eastbridge Fairness Coalition."',
  ),
  heading(3, '2. The ask'),
  paragraph(
    '"I am calling to ask {{ target.honorific }} ',
    field('target.family_name'),
    ' to vote YES on Ordinance 2026-14, which adds sexual orientation and gender identity to the city\'s Human Rights Ordinance, and to oppose the small-landlord exemption."',
  ),
  heading(3, '3. One reason (pick one)'),
  bulletList(
    ['"Legal Aid recorded 31 complaints in three years that the city could not act on."'],
    ['"It uses the existing complaint process and needs no new staff."'],
    [
      '"Most rental homes in Eastbridge are in buildings under ten units: the exemption would leave most tenants unprotected."',
    ],
  ),
  heading(3, '4. Listen and note'),
  paragraph(
    'Ask: "Has the Council Member taken a position?" Note the answer, any concern, and whom you spoke with.',
  ),
  heading(3, '5. Close'),
  paragraph('"Thank you. May we send a one-page fact sheet? What is the best address for it?"'),
  paragraph(
    text('After the call: ', 'bold'),
    'log it as an interaction with its outcome, and set a follow-up date if you promised to send something.',
  ),
);

const CALL_SCRIPT_AR = doc(
  paragraph(
    text('قبل الاتصال: ', 'bold'),
    'تأكّد من أن جهة الاتصال غير مُعلَّمة بـ«عدم التواصل»، واقرأ آخر تواصل مسجّل. لا تذكر اسم أي فرد من المجتمع أو من المتطوعين.',
  ),
  heading(3, '1. التعريف'),
  paragraph('«السلام عليكم، معكم [اسمك] من جمعية صحة للجميع، ضمن تحالف «الفحص حقٌّ للجميع».»'),
  heading(3, '2. الطلب'),
  paragraph(
    '«نتصل بخصوص مشروع القانون رقم 47 لسنة 2026 بشأن الفحص الطوعي والسري لفيروس نقص المناعة البشرية، ونرجو من {{ target.honorific }} ',
    field('target.full_name'),
    ' التصويت لصالح المادتين 4 و7 كما قُدّمتا.»',
  ),
  heading(3, '3. حجة واحدة (اختر إحداها)'),
  bulletList(
    ['«الخوف من كشف النتائج يؤخر الفحص، والتشخيص المتأخر أصعب علاجًا وأعلى كلفة.»'],
    ['«وثّقنا ثماني عشرة حالة احتجاز استُخدمت فيها وسائل الوقاية دليلًا، وانتهت جميعها دون إدانة.»'],
    ['«السرية والموافقة المستنيرة من المبادئ التي توصي بها منظمة الصحة العالمية لخدمات الفحص.»'],
  ),
  heading(3, '4. الاستماع والتدوين'),
  paragraph('اسأل: «هل حدّد المكتب موقفه من المشروع؟» دوّن الإجابة وأي تحفّظ واسم من تحدثت معه.'),
  heading(3, '5. الختام'),
  orderedList(
    ['«شكرًا لوقتكم.»'],
    ['«هل يمكننا إرسال ورقة السياسات المختصرة؟ وما العنوان الأنسب لإرسالها؟»'],
  ),
  paragraph(
    text('بعد المكالمة: ', 'bold'),
    'سجّلها تواصلًا مع نتيجتها، وحدّد موعد متابعة إن وعدت بإرسال شيء.',
  ),
);

export const DEMO_TEMPLATES: readonly TemplateInput[] = [
  {
    name: 'Council letter: vote YES on Ordinance 2026-14',
    kind: 'letter',
    language: 'en',
    direction: 'ltr',
    subject: 'Please vote YES on Ordinance 2026-14',
    body: serializeTemplateDocument(LETTER_EN),
    closing: 'Respectfully,',
    signature: '{{ sender.name }}\n{{ sender.title }}\nEastbridge Pride Community Center',
    tags: ['council', 'Ord. 2026-14'],
  },
  {
    name: 'رسالة إلى أعضاء لجنة الصحة: مشروع القانون 47/2026',
    kind: 'letter',
    language: 'ar',
    direction: 'rtl',
    subject: 'مشروع القانون رقم 47 لسنة 2026 بشأن الفحص الطوعي والسري',
    body: serializeTemplateDocument(LETTER_AR),
    closing: 'وتفضلوا بقبول فائق الاحترام والتقدير،',
    signature: '{{ sender.name }}\n{{ sender.title }}\nجمعية صحة للجميع',
    tags: ['لجنة الصحة', 'م.ق 47/2026'],
  },
  {
    name: 'Thank-you email after a meeting',
    kind: 'email',
    language: 'en',
    direction: 'ltr',
    subject: 'Thank you for meeting with us about Ordinance 2026-14',
    body: serializeTemplateDocument(THANK_YOU_EN),
    closing: 'With thanks,',
    signature: '{{ sender.name }}\nEastbridge Fairness Coalition',
    tags: ['follow-up'],
  },
  {
    name: 'Call script: undecided Council offices',
    kind: 'call-script',
    language: 'en',
    direction: 'ltr',
    body: serializeTemplateDocument(CALL_SCRIPT_EN),
    tags: ['phone bank'],
  },
  {
    name: 'نص مكالمة: مكاتب أعضاء لجنة الصحة',
    kind: 'call-script',
    language: 'ar',
    direction: 'rtl',
    body: serializeTemplateDocument(CALL_SCRIPT_AR),
    tags: ['اتصالات هاتفية'],
  },
];
