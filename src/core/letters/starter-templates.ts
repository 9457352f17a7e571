/**
 * The starter templates: three letters every advocacy group writes, in English and Arabic.
 * The page layout adds the letterhead, date, recipient address and subject; bodies start with
 * the salutation. Liquid text such as `{% if target.district %}` sits inside paragraphs, and
 * merge fields are chips (`field(…)`) as the editor shows them.
 */
import type { TemplateInput } from '../domain/template';
import { doc, field, paragraph, serializeTemplateDocument, text } from './document';

export const STARTER_TEMPLATE_KEYS = [
  'support-bill',
  'thank-you-meeting',
  'meeting-request',
] as const;
export type StarterTemplateKey = (typeof STARTER_TEMPLATE_KEYS)[number];

/** A complete template input: every wording field present. */
export type StarterTemplateInput = Required<
  Pick<
    TemplateInput,
    'name' | 'kind' | 'direction' | 'subject' | 'body' | 'closing' | 'signature' | 'tags'
  >
> & { language: 'en' | 'ar' };

export interface StarterTemplate {
  key: StarterTemplateKey;
  template: StarterTemplateInput;
}

const SIGNATURE = '{{ sender.name }}\n{{ sender.title }}\n{{ sender.organization }}';

/** A starter letter in one language; Arabic letters are right-to-left documents. */
const starter =
  (language: 'en' | 'ar') =>
  (
    key: StarterTemplateKey,
    name: string,
    subject: string,
    closing: string,
    body: ReturnType<typeof doc>,
  ): StarterTemplate => ({
    key,
    template: {
      name,
      kind: 'letter',
      language,
      direction: language === 'ar' ? 'rtl' : 'ltr',
      subject,
      body: serializeTemplateDocument(body),
      closing,
      signature: SIGNATURE,
      tags: [language === 'ar' ? 'نموذج' : 'starter'],
    },
  });
const english = starter('en');
const arabic = starter('ar');

const BILL_EN = '{% if campaign.bill_title %}, {{ campaign.bill_title }}{% endif %}';
const BILL_AR = '{% if campaign.bill_title %} «{{ campaign.bill_title }}»{% endif %}';

export const STARTER_TEMPLATES: readonly StarterTemplate[] = [
  english(
    'support-bill',
    'Letter to a legislator: support the bill',
    'Please support {{ campaign.bill_id | default: "our bill" }}',
    'Respectfully,',
    doc(
      paragraph(field('salutation')),
      paragraph(
        'I am writing on behalf of ',
        field('sender.organization', 'our organization'),
        ' to ask for your support for ',
        field('campaign.bill_id', 'the bill now before you'),
        `${BILL_EN}.`,
      ),
      paragraph(
        '{% if target.district %}Many of the people we serve live and work in {{ target.district }}. {% endif %}' +
          'Every week we hear from people who were refused a home, a job or medical care because of their ' +
          'sexual orientation or gender identity, and who had nowhere to turn. This bill gives them the ' +
          'protection the law already gives everyone else, through procedures that exist today.',
      ),
      paragraph(
        '{% if campaign.ask %}',
        text('Our request: ', 'bold'),
        '{{ campaign.ask }}{% endif %}',
      ),
      paragraph(
        'We would be glad to share our data and the experiences behind it, and to answer any question ' +
          'you or your staff may have{% if sender.email %} at {{ sender.email }}{% endif %}.',
      ),
      paragraph(
        'Thank you for your attention and for your service to ',
        field('target.district', 'our community'),
        '.',
      ),
    ),
  ),
  arabic(
    'support-bill',
    'رسالة إلى نائب: دعم مشروع القانون',
    'طلب دعم مشروع القانون {{ campaign.bill_id }}',
    'وتفضلوا بقبول فائق الاحترام والتقدير،',
    doc(
      paragraph(field('salutation')),
      paragraph('تحية طيبة وبعد،'),
      paragraph(
        'نتوجه إليكم باسم ',
        field('sender.organization', 'منظمتنا'),
        '، راجين دعمكم لمشروع القانون ',
        field('campaign.bill_id', 'المعروض عليكم'),
        `${BILL_AR}.`,
      ),
      paragraph(
        '{% if target.district %}يقيم كثير ممن نعمل معهم في {{ target.district }}، ونسمع منهم{% else %}نسمع{% endif %} ' +
          'كل أسبوع عن أشخاص حُرموا من السكن أو العمل أو الرعاية الصحية بسبب هويتهم أو أوضاعهم الصحية، ' +
          'ولم يجدوا جهة تنصفهم. ويكفل لهم مشروع القانون الحماية التي يكفلها القانون لسائر المواطنين، ' +
          'ومن خلال إجراءات قائمة بالفعل.',
      ),
      paragraph('{% if campaign.ask %}', text('مطلبنا: ', 'bold'), '{{ campaign.ask }}{% endif %}'),
      paragraph(
        'ويسعدنا أن نضع بين أيديكم ما لدينا من بيانات وشهادات، وأن نجيب عن أي استفسار لديكم أو لدى ' +
          'فريق مكتبكم{% if sender.email %} عبر البريد الإلكتروني {{ sender.email }}{% endif %}.',
      ),
      paragraph('شاكرين لكم حسن اهتمامكم.'),
    ),
  ),
  english(
    'thank-you-meeting',
    'Thank-you letter after a meeting',
    'Thank you for meeting with us{% if campaign.bill_id %} about {{ campaign.bill_id }}{% endif %}',
    'With thanks,',
    doc(
      paragraph(field('salutation')),
      paragraph(
        'Thank you for meeting with us{% if meeting_date %} on {{ meeting_date }}{% endif %}' +
          '{% if campaign.bill_id %} to discuss {{ campaign.bill_id }}{% endif %}. We appreciated your ' +
          'questions and the time you and your staff gave us.',
      ),
      paragraph(
        '{% if campaign.ask %}',
        text('To recap our request: ', 'bold'),
        '{{ campaign.ask }}{% endif %}',
      ),
      paragraph(
        'As promised, we will send you the further information you asked for within the week. If ' +
          'anything else would help you decide, please tell us and we will provide it.',
      ),
      paragraph('Thank you again for listening to the people we represent.'),
    ),
  ),
  arabic(
    'thank-you-meeting',
    'رسالة شكر بعد لقاء',
    'شكر على اللقاء{% if campaign.bill_id %} بشأن مشروع القانون {{ campaign.bill_id }}{% endif %}',
    'مع خالص الشكر والتقدير،',
    doc(
      paragraph(field('salutation')),
      paragraph('تحية طيبة وبعد،'),
      paragraph(
        'نشكركم على استقبالنا{% if meeting_date %} يوم {{ meeting_date }}{% endif %}' +
          '{% if campaign.bill_id %} للحديث عن مشروع القانون {{ campaign.bill_id }}{% endif %}، وعلى ما ' +
          'خصصتموه لنا من وقت واهتمام، وعلى أسئلتكم التي أغنت النقاش.',
      ),
      paragraph(
        '{% if campaign.ask %}',
        text('ونودّ أن نذكّر بمطلبنا: ', 'bold'),
        '{{ campaign.ask }}{% endif %}',
      ),
      paragraph(
        'وكما وعدنا، سنرسل إليكم خلال أسبوع المعلومات الإضافية التي طلبتموها. وإن كان ثمة ما يعينكم ' +
          'على اتخاذ قراركم، فيسعدنا أن نوفّره لكم.',
      ),
      paragraph('ونجدد لكم الشكر على إصغائكم إلى من نمثلهم.'),
    ),
  ),
  english(
    'meeting-request',
    'Request for a meeting',
    'Meeting request{% if campaign.bill_id %}: {{ campaign.bill_id }}{% endif %}',
    'Sincerely,',
    doc(
      paragraph(field('salutation')),
      paragraph(
        'On behalf of ',
        field('sender.organization', 'our organization'),
        ', I would like to request a meeting with you or a member of your staff' +
          `{% if campaign.bill_id %} to discuss {{ campaign.bill_id }}${BILL_EN}{% endif %}.`,
      ),
      paragraph(
        'We work every day with people who are directly affected by this issue' +
          '{% if target.district %}, many of them in {{ target.district }}{% endif %}. We would like to ' +
          'share what we see in our work, hear your views and answer your questions.',
      ),
      paragraph(
        'Twenty to thirty minutes, in your office or by video, at a time that suits you, would be ' +
          'ideal. We will bring a short briefing paper.',
      ),
      paragraph(
        '{% if sender.email or sender.phone %}To arrange a time, please contact me at ' +
          '{{ sender.email | default: sender.phone }}. {% endif %}Thank you for considering our request.',
      ),
    ),
  ),
  arabic(
    'meeting-request',
    'طلب موعد للقاء',
    'طلب موعد للقاء{% if campaign.bill_id %} بشأن مشروع القانون {{ campaign.bill_id }}{% endif %}',
    'وتفضلوا بقبول فائق الاحترام والتقدير،',
    doc(
      paragraph(field('salutation')),
      paragraph('تحية طيبة وبعد،'),
      paragraph(
        'باسم ',
        field('sender.organization', 'منظمتنا'),
        '، نرجو أن تتفضلوا بتحديد موعد للقاء بكم أو بأحد أعضاء فريق مكتبكم' +
          `{% if campaign.bill_id %} لمناقشة مشروع القانون {{ campaign.bill_id }}${BILL_AR}{% endif %}.`,
      ),
      paragraph(
        'نعمل يوميًا مع أشخاص يتأثرون بهذه القضية تأثرًا مباشرًا{% if target.district %}، ومنهم كثيرون ' +
          'في {{ target.district }}{% endif %}، ونودّ أن نعرض عليكم ما نلمسه في عملنا، وأن نستمع إلى ' +
          'رأيكم ونجيب عن أسئلتكم.',
      ),
      paragraph(
        'ويكفينا لقاء من عشرين إلى ثلاثين دقيقة، في مكتبكم أو عبر الاتصال المرئي، في الوقت الذي ' +
          'يناسبكم، وسنحمل معنا ورقة موجزة بالمعطيات.',
      ),
      paragraph(
        '{% if sender.email or sender.phone %}وللتنسيق، يسعدنا تواصلكم معنا عبر ' +
          '{{ sender.email | default: sender.phone }}. {% endif %}شاكرين لكم تفهّمكم.',
      ),
    ),
  ),
];

export function starterTemplate(
  key: StarterTemplateKey,
  language: 'en' | 'ar',
): StarterTemplateInput {
  const found = STARTER_TEMPLATES.find((s) => s.key === key && s.template.language === language);
  if (!found) throw new Error(`no starter template ${key} in ${language}`);
  return found.template;
}
