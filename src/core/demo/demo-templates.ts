/**
 * Demo templates: letters, an email and call scripts in English and Arabic.
 *
 * The template language (merge fields) is not designed yet: the `{{…}}` markers below are
 * placeholders to show where a name or date goes, and are to be rewritten in the template
 * language when it lands.
 */
import type { TemplateInput } from '../domain/template';

const LETTER_EN = `{{date}}

{{recipient.honorific}} {{recipient.fullName}}
{{recipient.title}}
{{recipient.address}}

Dear {{recipient.honorific}} {{recipient.familyName}},

We write on behalf of the Eastbridge Fairness Coalition, 42 organizations and congregations that serve and employ people in every ward of our city, to ask you to vote YES on Ordinance 2026-14.

Today a resident of Eastbridge can be refused an apartment, turned away from a job or asked to leave a restaurant because of who they are or whom they love, and the city can do nothing about it. Over the last three years, Eastbridge Fair Housing Legal Aid recorded 31 such complaints that fell outside the Human Rights Ordinance.

Ordinance 2026-14 adds sexual orientation and gender identity to the protections our city already gives on the basis of race, religion, disability and age. It uses the complaint process the Human Rights Commission runs today and needs no new staff.

We also ask you to oppose the proposed amendment that would exempt landlords with fewer than ten units. Most rental homes in Eastbridge are in such buildings: the exemption would leave most tenants without protection.

We would welcome the chance to meet with you or your staff before the committee hearing.

Respectfully,`;

const LETTER_AR = `{{date}}

{{recipient.salutation}}
{{recipient.honorific}} {{recipient.fullName}}
{{recipient.title}}

تحية طيبة وبعد،

نتوجه إليكم باسم تحالف «الفحص حقٌّ للجميع»، الذي يضم جمعيات صحية وأطباء ومحامين يعملون في مختلف المحافظات، بشأن مشروع القانون رقم 47 لسنة 2026 المعروض على لجنة الصحة والسكان.

يتأخر كثيرون في إجراء فحص فيروس نقص المناعة البشرية، أو يمتنعون عنه، خوفًا من أن تصل نتائجهم إلى غير الطبيب المعالج، أو أن تُستخدم حيازتهم وسائل الوقاية دليلًا ضدهم. وكل تأخير في التشخيص يعني علاجًا أصعب وكلفة أعلى على الأسر وعلى النظام الصحي، وخطرًا أكبر على المجتمع كله.

ويعالج مشروع القانون هذه المخاوف بضمانتين واضحتين: تكفل المادة 4 سرية نتائج الفحص وتحصر الاطلاع عليها في الفريق الطبي المعالج، وتحظر المادة 7 احتجاز أي شخص أو ملاحقته بسبب نتيجة فحصه أو حيازته وسائل الوقاية والعلاج. وتتفق هاتان الضمانتان مع المبادئ التي توصي بها منظمة الصحة العالمية لخدمات الفحص، وفي مقدمتها الموافقة المستنيرة والسرية.

لذلك نرجو منكم التصويت لصالح المادتين 4 و7 كما قُدّمتا، ورفض أي تعديل يتيح لجهات غير طبية الاطلاع على نتائج الفحص.

ويسعدنا أن نضع بين أيديكم ورقة السياسات الكاملة والشهادات الطبية، وأن نلتقي بكم أو بفريق مكتبكم في الموعد الذي يناسبكم.

وتفضلوا بقبول فائق الاحترام والتقدير،`;

const THANK_YOU_EN = `Dear {{recipient.honorific}} {{recipient.familyName}},

Thank you for meeting with us on {{interaction.date}} about Ordinance 2026-14. We appreciated your questions and the time you gave us.

As promised, we attach {{attachment}}. If anything else would help you decide, please tell us and we will send it within the week.

With thanks,`;

const CALL_SCRIPT_EN = `Before you call: check that the contact is not marked do-not-contact and read the latest interaction. Never give the name of a tenant or a volunteer.

1. Introduce yourself
"Hello, my name is {{caller.name}}. I live in {{caller.ward}} and I am calling for the Eastbridge Fairness Coalition."

2. The ask
"I am calling to ask {{recipient.honorific}} {{recipient.familyName}} to vote YES on Ordinance 2026-14, which adds sexual orientation and gender identity to the city's Human Rights Ordinance, and to oppose the small-landlord exemption."

3. One reason (pick one)
- "Legal Aid recorded 31 complaints in three years that the city could not act on."
- "It uses the existing complaint process and needs no new staff."
- "Most rental homes in Eastbridge are in buildings under ten units: the exemption would leave most tenants unprotected."

4. Listen and note
Ask: "Has the Council Member taken a position?" Note the answer, any concern, and whom you spoke with.

5. Close
"Thank you. May we send a one-page fact sheet? What is the best address for it?"

After the call: log it as an interaction with its outcome, and set a follow-up date if you promised to send something.`;

const CALL_SCRIPT_AR = `قبل الاتصال: تأكّد من أن جهة الاتصال غير مُعلَّمة بـ«عدم التواصل»، واقرأ آخر تواصل مسجّل. لا تذكر اسم أي فرد من المجتمع أو من المتطوعين.

1. التعريف
«السلام عليكم، معكم {{caller.name}} من جمعية صحة للجميع، ضمن تحالف «الفحص حقٌّ للجميع».»

2. الطلب
«نتصل بخصوص مشروع القانون رقم 47 لسنة 2026 بشأن الفحص الطوعي والسري لفيروس نقص المناعة البشرية، ونرجو من {{recipient.honorific}} {{recipient.fullName}} التصويت لصالح المادتين 4 و7 كما قُدّمتا.»

3. حجة واحدة (اختر إحداها)
- «الخوف من كشف النتائج يؤخر الفحص، والتشخيص المتأخر أصعب علاجًا وأعلى كلفة.»
- «وثّقنا ثماني عشرة حالة احتجاز استُخدمت فيها وسائل الوقاية دليلًا، وانتهت جميعها دون إدانة.»
- «السرية والموافقة المستنيرة من المبادئ التي توصي بها منظمة الصحة العالمية لخدمات الفحص.»

4. الاستماع والتدوين
اسأل: «هل حدّد المكتب موقفه من المشروع؟» دوّن الإجابة وأي تحفّظ واسم من تحدثت معه.

5. الختام
«شكرًا لوقتكم. هل يمكننا إرسال ورقة السياسات المختصرة؟ وما العنوان الأنسب لإرسالها؟»

بعد المكالمة: سجّلها تواصلًا مع نتيجتها، وحدّد موعد متابعة إن وعدت بإرسال شيء.`;

export const DEMO_TEMPLATES: readonly TemplateInput[] = [
  {
    name: 'Council letter: vote YES on Ordinance 2026-14',
    kind: 'letter',
    language: 'en',
    direction: 'ltr',
    subject: 'Please vote YES on Ordinance 2026-14',
    body: LETTER_EN,
    signature: '{{sender.name}}\n{{sender.title}}\nEastbridge Pride Community Center',
    tags: ['council', 'Ord. 2026-14'],
  },
  {
    name: 'رسالة إلى أعضاء لجنة الصحة: مشروع القانون 47/2026',
    kind: 'letter',
    language: 'ar',
    direction: 'rtl',
    subject: 'مشروع القانون رقم 47 لسنة 2026 بشأن الفحص الطوعي والسري',
    body: LETTER_AR,
    signature: '{{sender.name}}\n{{sender.title}}\nجمعية صحة للجميع',
    tags: ['لجنة الصحة', 'م.ق 47/2026'],
  },
  {
    name: 'Thank-you email after a meeting',
    kind: 'email',
    language: 'en',
    direction: 'ltr',
    subject: 'Thank you for meeting with us about Ordinance 2026-14',
    body: THANK_YOU_EN,
    signature: '{{sender.name}}\nEastbridge Fairness Coalition',
    tags: ['follow-up'],
  },
  {
    name: 'Call script: undecided Council offices',
    kind: 'call-script',
    language: 'en',
    direction: 'ltr',
    body: CALL_SCRIPT_EN,
    tags: ['phone bank'],
  },
  {
    name: 'نص مكالمة: مكاتب أعضاء لجنة الصحة',
    kind: 'call-script',
    language: 'ar',
    direction: 'rtl',
    body: CALL_SCRIPT_AR,
    tags: ['اتصالات هاتفية'],
  },
];
