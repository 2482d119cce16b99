import {
  CUSTOMER_CLASS_LABELS,
  ORDER_TYPE_LABELS,
  WIZARD_STEP_LABELS,
  WIZARD_STEPS,
  formatCents,
  type TWizardCarrier,
  type TWizardDraft,
  type WizardStep,
} from '@linedesk/domain';
import { Anchor, Badge, Breadcrumbs, Button, Grid, Group, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconCheck, IconCircleCheck, IconFileUnknown, IconFiles, IconTrash } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { Link, Navigate, useNavigate, useParams } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { Page, useDocumentTitle } from '../../../components/common/page';
import { RequireRole } from '../../../components/common/require-role';
import { SIGN_UP_ROLES } from '../../../lib/access';
import { RelativeTime } from '../../../components/common/relative-time';
import { ErrorAlert, LoadingState, Panel, StateMessage } from '../../../components/common/status-state';
import { useDraft, useDraftDuplicates, useWizardCarriers } from '../../../hooks/api/wizard';
import { isApiError } from '../../../lib/api-client';
import { errorReason } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { DiscardDraftModal } from './discard-draft-modal';
import { DuplicateNotice } from './duplicates';
import { STEP_SHORT_LABELS } from './wizard-links';
import { FinalStep } from './steps/final-step';
import { LinesStep } from './steps/lines-step';
import { NamesStep } from './steps/names-step';
import { ProfileStep } from './steps/profile-step';
import { StartStep } from './steps/start-step';
import './wizard.css';

/** What every step gets: the draft as saved, its carrier, and how to move between steps. */
export type StepProps = {
  draft: TWizardDraft;
  carriers: TWizardCarrier[];
  carrier: TWizardCarrier | null;
  goTo: (step: WizardStep) => void;
  /** A place beside the step (under the summary) for notices that must stay in view, such as possible duplicates. */
  sideSlot: HTMLElement | null;
};

const isStep = (value: string | undefined): value is WizardStep => (WIZARD_STEPS as readonly string[]).includes(value ?? '');

/** `/customers/new/$draftId`: resumes the draft where it stopped (its first incomplete step). */
export function WizardResumePage() {
  return (
    <RequireRole roles={SIGN_UP_ROLES}>
      <WizardResumeView />
    </RequireRole>
  );
}

function WizardResumeView() {
  const { draftId = '' } = useParams({ strict: false });
  const draft = useDraft(draftId);
  if (draft.isSuccess) return <Navigate to="/customers/new/$draftId/$step" params={{ draftId, step: draft.data.nextStep }} replace />;
  if (draft.isError) return <DraftUnavailable error={draft.error} onRetry={() => void draft.refetch()} />;
  return (
    <Page>
      <Panel>
        <LoadingState label="Opening the draft" />
      </Panel>
    </Page>
  );
}

/** `/customers/new/$draftId/$step`: one step of the New Customer Wizard. */
export function WizardStepPage() {
  return (
    <RequireRole roles={SIGN_UP_ROLES}>
      <WizardStepView />
    </RequireRole>
  );
}

function WizardStepView() {
  const { draftId = '', step } = useParams({ strict: false });
  const draft = useDraft(draftId);
  const carriers = useWizardCarriers();

  if (!isStep(step)) return <Navigate to="/customers/new/$draftId" params={{ draftId }} replace />;
  if (draft.isError) return <DraftUnavailable error={draft.error} onRetry={() => void draft.refetch()} />;
  if (carriers.isError) {
    return (
      <Page>
        <ErrorAlert error={carriers.error} onRetry={() => void carriers.refetch()} title="Could not load the carriers" />
      </Page>
    );
  }
  if (draft.isPending || carriers.isPending) {
    return (
      <Page>
        <Panel>
          <LoadingState label="Opening the draft" />
        </Panel>
      </Page>
    );
  }
  if (draft.data.result) return <DraftSubmitted draft={draft.data} />;
  // A step after the first incomplete one cannot be reached: go to where the draft stopped.
  if (WIZARD_STEPS.indexOf(step) > WIZARD_STEPS.indexOf(draft.data.nextStep)) {
    return <Navigate to="/customers/new/$draftId/$step" params={{ draftId, step: draft.data.nextStep }} replace />;
  }
  return <WizardLayout draft={draft.data} step={step} carriers={carriers.data} />;
}

function WizardLayout({ draft, step, carriers }: { draft: TWizardDraft; step: WizardStep; carriers: TWizardCarrier[] }) {
  const navigate = useNavigate();
  const carrier = carriers.find((candidate) => candidate.code === draft.start?.carrierCode) ?? null;
  const [discarding, setDiscarding] = useState(false);
  const [sideSlot, setSideSlot] = useState<HTMLDivElement | null>(null);
  useDocumentTitle(`Create New · ${WIZARD_STEP_LABELS[step]}`);

  const goTo = (next: WizardStep) => void navigate({ to: '/customers/new/$draftId/$step', params: { draftId: draft.id, step: next } });
  const props: StepProps = { draft, carriers, carrier, goTo, sideSlot };
  const stepKey = `${draft.id}-${step}`;

  return (
    <Page size={1320}>
      <Breadcrumbs separator="›" fz="sm">
        <Anchor component={Link} to="/customers/drafts" fz="sm">
          Customers
        </Anchor>
        <Text fz="sm" c="dimmed" aria-current="page">
          Create New
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        <div>
          <Title order={1}>Create New</Title>
          <Group gap="xs" mt={6} wrap="wrap">
            <Text fz="sm" fw={600}>
              {draft.title}
            </Text>
            {draft.carrierName && (
              <Badge variant="light" radius="sm" tt="none">
                {draft.carrierName}
              </Badge>
            )}
            {draft.start && (
              <Badge variant="outline" color="gray" radius="sm" tt="none">
                {ORDER_TYPE_LABELS[draft.start.orderType]} order
              </Badge>
            )}
          </Group>
        </div>
        <Group gap="sm">
          <Button component={Link} to="/customers/drafts" variant="default" leftSection={<IconFiles size={16} aria-hidden />}>
            Open drafts
          </Button>
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDiscarding(true)}>
            Discard draft
          </Button>
        </Group>
      </Group>

      <WizardStepper draft={draft} step={step} onStep={goTo} />

      <Grid gap="xl" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 8.5 }}>
          <div key={stepKey}>
            {step === 'start' && <StartStep {...props} />}
            {step === 'profile' && <ProfileStep {...props} />}
            {step === 'names' && <NamesStep {...props} />}
            {step === 'lines' && <LinesStep {...props} />}
            {step === 'final' && <FinalStep {...props} />}
          </div>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3.5 }}>
          <WizardSummary draft={draft} step={step} slotRef={setSideSlot} />
        </Grid.Col>
      </Grid>

      <DiscardDraftModal
        draft={discarding ? draft : null}
        onClose={() => setDiscarding(false)}
        onDiscarded={() => void navigate({ to: '/customers/drafts' })}
      />
    </Page>
  );
}

/**
 * The five steps and where this one is. Completed steps and the first incomplete one can be
 * opened; a step after that cannot (its button is not focusable and says why).
 */
function WizardStepper({ draft, step, onStep }: { draft: TWizardDraft; step: WizardStep; onStep: (step: WizardStep) => void }) {
  const active = WIZARD_STEPS.indexOf(step);
  const reachable = WIZARD_STEPS.indexOf(draft.nextStep);
  // Five steps fit on one row from a tablet's width; a phone wraps them.
  const wide = useMediaQuery('(min-width: 48em)');
  return (
    <nav aria-label="Wizard steps">
      <Paper px="lg" py="md" style={{ borderColor: 'var(--ld-border)' }}>
        <Stepper
          className="ld-wizard-stepper"
          active={active}
          onStepClick={(index) => {
            const target = WIZARD_STEPS[index];
            if (target && index <= reachable) onStep(target);
          }}
          size="sm"
          iconSize={32}
          wrap={!wide}
        >
          {WIZARD_STEPS.map((key, index) => {
            const complete = draft.completion[key] === true;
            const state = index === active ? 'current step' : complete ? 'complete' : index <= reachable ? 'not complete' : 'not reachable yet';
            return (
              <Stepper.Step
                key={key}
                label={STEP_SHORT_LABELS[key]}
                allowStepSelect={index !== active && index <= reachable}
                icon={complete && index > active ? <IconCheck size={16} aria-hidden /> : undefined}
                color={complete && index > active ? 'teal' : undefined}
                aria-current={index === active ? 'step' : undefined}
                aria-label={`Step ${index + 1}: ${WIZARD_STEP_LABELS[key]} (${state})`}
                aria-disabled={index > reachable || undefined}
              />
            );
          })}
        </Stepper>
      </Paper>
    </nav>
  );
}

/** Beside the step: what has been chosen so far and what it costs, and any customer it may duplicate. */
function WizardSummary({ draft, step, slotRef }: { draft: TWizardDraft; step: WizardStep; slotRef: (element: HTMLDivElement | null) => void }) {
  // Steps 1 and 3 check live as they are typed and the final page lists them in full: the others show the saved draft's.
  const showDuplicates = draft.completion.start === true && (step === 'profile' || step === 'lines');
  const duplicates = useDraftDuplicates(draft.id, showDuplicates);
  const profile = draft.profile;
  const rows: [string, ReactNode][] = [
    ['Carrier', draft.carrierName ?? '—'],
    ['Order Type', draft.start ? ORDER_TYPE_LABELS[draft.start.orderType] : '—'],
    ['Customer', draft.title],
    ['Class', profile ? CUSTOMER_CLASS_LABELS[profile.customerClass] : '—'],
    ['Account number', profile?.accountNumber ?? (profile ? 'Automatic' : '—')],
    ['Lines', String(draft.lines.length)],
  ];
  const charges = draft.charges;
  return (
    <Stack gap="md" className="ld-wizard-summary">
      <Paper p="md" style={{ borderColor: 'var(--ld-border)' }} component="aside" aria-labelledby="wizard-summary-heading">
        <Text id="wizard-summary-heading" fw={650} fz="sm" mb="sm">
          Order summary
        </Text>
        <Stack gap={6} component="dl" m={0}>
          {rows.map(([label, value]) => (
            <div className="ld-summary-row" key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </Stack>
        <Stack gap={6} component="dl" mt="md" pt="sm" m={0} style={{ borderTop: '1px solid var(--ld-border)' }}>
          <div className="ld-summary-row">
            <dt>Monthly</dt>
            <dd className="ld-money">{formatCents(charges.monthlyCents)}</dd>
          </div>
          <div className="ld-summary-row">
            <dt>One-time</dt>
            <dd className="ld-money">{formatCents(charges.oneTimeCents)}</dd>
          </div>
          <div className="ld-summary-row">
            <dt>Due today</dt>
            <dd className="ld-money">{formatCents(charges.dueTodayCents)}</dd>
          </div>
        </Stack>
        <Text fz="xs" c="dimmed" mt="md">
          Saved <RelativeTime iso={draft.updatedAt} fz="xs" />. Started by {draft.createdBy.name}; kept until {formatDateTime(draft.expiresAt)}.
        </Text>
      </Paper>
      {showDuplicates && duplicates.data && duplicates.data.length > 0 && <DuplicateNotice candidates={duplicates.data} compact />}
      <div ref={slotRef} />
    </Stack>
  );
}

/** The draft became a customer and an order: nothing more to enter here. */
function DraftSubmitted({ draft }: { draft: TWizardDraft }) {
  useDocumentTitle('Order created');
  const result = draft.result;
  return (
    <Page>
      <Panel>
        <StateMessage
          icon={<IconCircleCheck size={24} />}
          color="teal"
          title="This customer has been created"
          action={
            result && (
              <Button
                renderRoot={(props) => <Link to="/customers/$customerId" params={{ customerId: result.customerId }} {...props} />}
                variant="light"
              >
                Open account {result.accountNumber}
              </Button>
            )
          }
        >
          {result ? `Account ${result.accountNumber} and order ${result.orderNumber} were created from this draft.` : 'This draft already became an order.'}
        </StateMessage>
      </Panel>
    </Page>
  );
}

/** Gone, expired or never existed: say so and offer the ways on. */
function DraftUnavailable({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  useDocumentTitle('Draft not found');
  const missing = isApiError(error) && (error.status === 404 || error.code === 'INVALID_TRANSITION');
  if (!missing) {
    return (
      <Page>
        <ErrorAlert error={error} onRetry={onRetry} title="Could not open this draft" />
      </Page>
    );
  }
  return (
    <Page>
      <Panel>
        <StateMessage
          icon={<IconFileUnknown size={24} />}
          color="gray"
          title="This draft is not available"
          action={
            <Group gap="sm" justify="center">
              <Button component={Link} to="/customers/new" variant="filled">
                Create New
              </Button>
              <Button component={Link} to="/customers/drafts" variant="light">
                Open drafts
              </Button>
            </Group>
          }
        >
          {errorReason(error)}
        </StateMessage>
      </Panel>
    </Page>
  );
}
