export { campaignReportDocx } from './campaign-report-docx';
export { outreachCsv } from './outreach-csv';
export type { CampaignReportInput } from './report-data';
export { REPORT_LABELS, type ReportLabels, type ReportLanguage } from './report-labels';
