/**
 * Fictional organizations of the demo: Eastbridge (an invented city council, English) and the
 * invented Republic of Al-Waha (جمهورية الواحة, Arabic). Web addresses use example.org only.
 */
import type { DemoOrganization } from './demo-types';

export const DEMO_COUNTRY_EN = 'United States';
export const DEMO_COUNTRY_AR = 'جمهورية الواحة';

export const DEMO_ORGANIZATIONS: readonly DemoOrganization[] = [
  {
    key: 'en.council',
    organization: {
      name: 'Eastbridge City Council',
      kind: 'government-body',
      website: 'https://council.example.org',
      country: DEMO_COUNTRY_EN,
      tags: ['city government'],
      notes:
        'Seven members: five elected by ward, two at large. Ordinances need four votes; the Mayor may veto within ten days.',
    },
  },
  {
    key: 'en.pride-center',
    organization: {
      name: 'Eastbridge Pride Community Center',
      kind: 'ngo',
      website: 'https://pride-center.example.org',
      country: DEMO_COUNTRY_EN,
      tags: ['coalition', 'lgbtq'],
      notes: 'Coalition lead for the Fairness Ordinance. Runs the Tuesday volunteer nights.',
    },
  },
  {
    key: 'en.legal-aid',
    organization: {
      name: 'Eastbridge Fair Housing Legal Aid',
      kind: 'legal-aid',
      website: 'https://fairhousing.example.org',
      country: DEMO_COUNTRY_EN,
      tags: ['coalition', 'housing'],
      notes: 'Documents housing complaints; drafted the model ordinance language.',
    },
  },
  {
    key: 'en.courier',
    organization: {
      name: 'Eastbridge Courier',
      kind: 'media',
      website: 'https://courier.example.com',
      country: DEMO_COUNTRY_EN,
      tags: ['press'],
    },
  },
  {
    key: 'ar.parliament',
    organization: {
      name: 'مجلس النواب – لجنة الصحة والسكان',
      kind: 'government-body',
      website: 'https://parliament.example.org',
      country: DEMO_COUNTRY_AR,
      tags: ['برلمان'],
      notes: 'تضم اللجنة سبعة أعضاء، وتُقرّ توصياتها بالأغلبية البسيطة قبل رفعها إلى الجلسة العامة.',
    },
  },
  {
    key: 'ar.sehha',
    organization: {
      name: 'جمعية صحة للجميع',
      kind: 'ngo',
      website: 'https://sehha.example.org',
      country: DEMO_COUNTRY_AR,
      tags: ['تحالف', 'صحة عامة'],
      notes: 'تدير عيادة متنقلة للفحص الطوعي والمشورة، وتنسّق التحالف الداعم لمشروع القانون.',
    },
  },
  {
    key: 'ar.adala',
    organization: {
      name: 'مركز العدالة للمساعدة القانونية',
      kind: 'legal-aid',
      website: 'https://adala.example.org',
      country: DEMO_COUNTRY_AR,
      tags: ['تحالف', 'دعم قانوني'],
      notes: 'يوثّق حالات الاحتجاز التعسفي ويقدّم الاستشارة القانونية المجانية.',
    },
  },
  {
    key: 'ar.sabah',
    organization: {
      name: 'جريدة الصباح',
      kind: 'media',
      website: 'https://alsabah.example.com',
      country: DEMO_COUNTRY_AR,
      tags: ['إعلام'],
    },
  },
];
