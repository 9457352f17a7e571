import type { Widen } from '../widen';
import type { transferEn } from './transfer.en';

/** Import and export: CSV, vCard, the officials directory, duplicates and merge (Arabic). */
export const transferAr: Widen<typeof transferEn> = {
  title: 'الاستيراد والتصدير',
  plainExportWarning:
    'هذا الملف غير مشفّر: يستطيع قراءته كل من يعثر عليه. احفظه في مكان آمن، واحذفه حين لا تعود بحاجة إليه.',
};
