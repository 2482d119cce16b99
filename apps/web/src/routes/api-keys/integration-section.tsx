import type { ReactNode } from 'react';
import { TitledSection } from '../../components/common/titled-section';

/** One part of the Integrations page: its heading, a line on what it is for, actions at the right, then its content. */
export function IntegrationSection(props: { title: string; description?: ReactNode; aside?: ReactNode; children: ReactNode }) {
  return <TitledSection size="lg" {...props} />;
}
