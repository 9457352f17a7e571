import type { CSSProperties } from 'react';
import {
  formatLetterDate,
  letterheadFromSettings,
  localizeDigits,
  recipientBlockLines,
  type LetterRecipient,
  type RenderedBlock,
  type RenderedLetter,
} from '@core/letters';
import { letterImageDataUrl } from '@core/domain/letter-image';
import type { Settings } from '@core/domain/settings';
import classes from './LetterPage.module.css';
import { defaultLetterPaper } from '@core/domain/settings';

const ALIGN: Record<string, CSSProperties['textAlign']> = {
  start: 'start',
  center: 'center',
  end: 'end',
  justify: 'justify',
};

function listMarker(
  block: RenderedBlock,
  numbers: Map<number, number>,
  letter: RenderedLetter,
  settings: Settings,
): string {
  const list = block.list;
  if (!list || list.continuation) return '';
  if (list.kind === 'bullet') return '• ';
  const n = (numbers.get(list.listIndex) ?? 0) + 1;
  numbers.set(list.listIndex, n);
  const digits = localizeDigits(
    String(n),
    letter.language,
    settings.arabicDigits,
    letter.region ?? settings.arabicRegion,
  );
  return `${digits}. `;
}

function Block({ block, marker }: { block: RenderedBlock; marker: string }) {
  const Tag = block.kind === 'heading' ? (`h${block.level ?? 2}` as const) : 'p';
  return (
    <Tag
      dir={block.dir ?? 'auto'}
      className={classes['block']}
      style={{
        textAlign: block.align ? ALIGN[block.align] : undefined,
        paddingInlineStart: block.list ? `${(block.list.depth + 1) * 1.2}em` : undefined,
      }}
    >
      {marker}
      {block.runs.map((run, i) => (
        <span
          key={i}
          style={{
            fontWeight: run.bold ? 700 : undefined,
            fontStyle: run.italic ? 'italic' : undefined,
            textDecoration: run.underline ? 'underline' : undefined,
          }}
        >
          {run.text}
        </span>
      ))}
    </Tag>
  );
}

/** One letter laid out like its DOCX: letterhead, date, address block, subject, body, signature. */
export function LetterPage({
  letter,
  recipient,
  settings,
  date,
}: {
  letter: RenderedLetter;
  recipient: LetterRecipient;
  settings: Settings;
  date: Date;
}) {
  const head = letterheadFromSettings(settings);
  const headLines = head.addressLines ?? [];
  const numbers = new Map<number, number>();
  const dated = formatLetterDate(date, {
    language: letter.language,
    arabicDigits: settings.arabicDigits,
    arabicRegion: letter.region ?? settings.arabicRegion,
    showHijriDate: settings.showHijriDate,
    englishLocale:
      (settings.letterPaper ?? defaultLetterPaper(navigator.language, [])) === 'letter'
        ? 'en-US'
        : 'en-GB',
  });
  return (
    <article
      className={classes['page']}
      dir={letter.direction}
      lang={letter.language}
      data-testid="letter-preview-page"
    >
      {head.name || headLines.length || settings.letterheadLogo ? (
        <header className={classes['letterhead']}>
          {settings.letterheadLogo ? (
            <img
              className={classes['logo']}
              src={letterImageDataUrl(settings.letterheadLogo)}
              alt=""
              data-testid="letter-preview-logo"
            />
          ) : null}
          {head.name ? <div className={classes['organization']}>{head.name}</div> : null}
          {headLines.map((line, i) => (
            <div key={i}>{line}</div>
          ))}
          {head.contactLine ? <div dir="auto">{head.contactLine}</div> : null}
        </header>
      ) : null}
      <p className={classes['date']}>{dated}</p>
      <address className={classes['recipient']}>
        {recipientBlockLines(recipient.contact, recipient.organizationName, letter.language).map(
          (line, i) => (
            <div key={i} dir="auto">
              {line}
            </div>
          ),
        )}
      </address>
      {letter.subject ? (
        <p className={classes['subject']} dir="auto" data-testid="letter-preview-subject">
          {letter.subject}
        </p>
      ) : null}
      <div data-testid="letter-preview-body">
        {letter.body.map((block, i) => (
          <Block key={i} block={block} marker={listMarker(block, numbers, letter, settings)} />
        ))}
      </div>
      {letter.closing ? <p className={classes['closing']}>{letter.closing}</p> : null}
      <div className={classes['signature']}>
        {settings.signatureImage ? (
          <img
            className={classes['signatureImage']}
            src={letterImageDataUrl(settings.signatureImage)}
            alt=""
            data-testid="letter-preview-signature"
          />
        ) : null}
        {letter.signature.map((line, i) => (
          <div key={i} dir="auto">
            {line}
          </div>
        ))}
      </div>
    </article>
  );
}
