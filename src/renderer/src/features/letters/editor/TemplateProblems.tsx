import { Anchor, List, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TemplateProblem } from '@core/letters';
import { formatNumber } from '@renderer/lib/format-number';
import { Notice } from '@renderer/ui/Notice';

function problemText(t: TFunction, problem: TemplateProblem, n: (v: number) => string): string {
  if (problem.code === 'invalid-document')
    return t('writer.problems.invalidDocument', { message: problem.message });
  const part = t(`writer.parts.${problem.part}`);
  const paragraph = problem.block !== undefined ? n(problem.block + 1) : undefined;
  if (problem.code === 'syntax-error') {
    const values = {
      part,
      line: n(problem.line),
      column: n(problem.column),
      message: problem.message,
    };
    return paragraph
      ? t('writer.problems.syntaxErrorBody', { ...values, paragraph })
      : t('writer.problems.syntaxError', values);
  }
  return paragraph
    ? t('writer.problems.unknownFieldBody', { field: problem.field, paragraph })
    : t('writer.problems.unknownField', { part, field: problem.field });
}

/** The template's problems as you type, each pointing at its paragraph in the body. */
export function TemplateProblems({
  problems,
  onShowBlock,
}: {
  problems: readonly TemplateProblem[];
  onShowBlock: (block: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  if (problems.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="template-problems-none">
        {t('writer.editor.noProblems')}
      </Text>
    );
  return (
    <Notice tone="danger" title={t('writer.problems.title')} data-testid="template-problems">
      <List size="sm" spacing={4}>
        {problems.map((problem, i) => (
          <List.Item key={i} data-testid="template-problem" data-code={problem.code}>
            <span dir="auto">{problemText(t, problem, n)}</span>
            {'block' in problem && problem.block !== undefined && problem.part === 'body' ? (
              <>
                {' '}
                <Anchor
                  component="button"
                  size="sm"
                  onClick={() => onShowBlock(problem.block ?? 0)}
                >
                  {t('writer.problems.goTo', { paragraph: n(problem.block + 1) })}
                </Anchor>
              </>
            ) : null}
          </List.Item>
        ))}
      </List>
    </Notice>
  );
}
