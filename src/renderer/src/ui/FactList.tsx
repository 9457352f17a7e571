import { SimpleGrid, Text } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import bidi from './bidi.module.css';

export interface Fact {
  label: string;
  value: ReactNode;
}

/** Label and value pairs; facts without a value are left out. */
export function FactList({ facts }: { facts: Fact[] }) {
  const shown = facts.filter((fact) => fact.value !== undefined && fact.value !== '');
  return (
    <SimpleGrid
      cols={2}
      spacing="xs"
      verticalSpacing={6}
      style={{ gridTemplateColumns: 'minmax(120px, auto) 1fr' }}
    >
      {shown.map((fact) => (
        <Fragment key={fact.label}>
          <Text size="sm" c="dimmed">
            {fact.label}
          </Text>
          <Text
            size="sm"
            dir="auto"
            component="div"
            className={bidi.pageStart}
            style={{ overflowWrap: 'anywhere' }}
          >
            {fact.value}
          </Text>
        </Fragment>
      ))}
    </SimpleGrid>
  );
}
