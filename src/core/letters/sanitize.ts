/**
 * Characters XML 1.0 forbids (C0 controls except tab and newline, lone surrogates, U+FFFE/F) make
 * a DOCX that no word processor opens: every text that reaches a document goes through here.
 */
const XML_FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(XML_FORBIDDEN, '');
}

/** The engine's private markers (see source.ts) may never come from user data or templates. */
const ENGINE_MARKERS = /[\uE000-\uE003]/g;

export function cleanText(value: string): string {
  return xmlSafe(value).replace(ENGINE_MARKERS, '');
}
