import { Container } from '@mantine/core';
import { Notice } from '@renderer/ui/Notice';
import { BackLink } from './BackLink';

/** A contact's or an organization's page when the record does not exist (or was deleted). */
export function DetailNotFound(props: {
  backTo: string;
  backLabel: string;
  message: string;
  testId: string;
}) {
  return (
    <Container size="lg" px={0}>
      <BackLink to={props.backTo} label={props.backLabel} />
      <Notice tone="warning" data-testid={props.testId}>
        {props.message}
      </Notice>
    </Container>
  );
}
