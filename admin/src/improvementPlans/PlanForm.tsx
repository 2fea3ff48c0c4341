// The unit head's plan form (the secretariat's too): year, target, analysis, target points per field
// of the framework the server accepts (the unit's level, the plan year's or the year before's), and the
// actions with the unit's tasks that carry them out. It saves through the plan's own mutations, naming
// the version read; the server's field messages appear beside the inputs they name, and a CONFLICT
// offers to reload the plan and try again on the current version.
import { Alert, Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import { useWatch, type FieldValues } from 'react-hook-form';
import {
  ArrayInput,
  AutocompleteArrayInput,
  AutocompleteInput,
  maxValue,
  minValue,
  NumberInput,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  useDataProvider,
  useGetIdentity,
  useGetOne,
  useLocaleState,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { describeApiError, apiErrorBody, isConflict } from '../common/apiErrors';
import type { ParDataProvider } from '../dataProvider';
import { formatNumber } from '../dashboard/format';
import { levelOfUnitKind, type PlanRecord } from './types';

interface FrameworkNode {
  id: string;
  code: string;
  name: string;
  depth: number;
  maxPoints: number;
}

interface Framework {
  id: string;
  year: number;
  name: string;
  fields: FrameworkNode[];
  nodes: FrameworkNode[];
}

const frameworkQuery = `query PlanFrameworks($level: IndexLevel!, $years: [Int!]!) {
  indexFrameworks(filter: { level: { equals: $level }, year: { in: $years } },
    orderBy: [{ field: YEAR, direction: DESC }], first: 2) {
    nodes {
      id year name
      fields { id code name depth maxPoints }
      nodes { id code name depth maxPoints }
    }
  }
}`;

/** The framework a plan for `year` names its nodes from: the year's own, else the year before's. */
function useFramework(level: string | null, year: number | null) {
  const dataProvider = useDataProvider<ParDataProvider>();
  return useQuery({
    queryKey: ['improvementPlans', 'framework', level, year],
    enabled: level !== null && year !== null && Number.isInteger(year),
    queryFn: async () => {
      const data = await dataProvider.readQuery<{ indexFrameworks: { nodes: Framework[] } }>(frameworkQuery, {
        level,
        years: [year, (year ?? 0) - 1],
      });
      return data.indexFrameworks.nodes[0] ?? null;
    },
  });
}

/** What the submit handler needs from the form's body: the unit and the framework's fields as shown. */
interface Shown {
  unitId: string | undefined;
  fields: FrameworkNode[];
}

/** Form keys of the field targets: `f7` for field 7 (a bare number would make an array). */
const targetKey = (code: string) => `f${code}`;

interface ActionValues {
  title?: string;
  description?: string | null;
  nodeId?: string | null;
  taskIds?: string[] | null;
}

interface PlanValues {
  unitId?: string;
  year?: number;
  targetPercent?: number;
  analysis?: string | null;
  fieldTargets?: Record<string, number | null | undefined>;
  actionInputs?: ActionValues[];
}

/** What the form starts from: the plan as read, its lists in the shape of the inputs. */
function initialValues(plan: PlanRecord | undefined, year: number): PlanValues {
  if (!plan) return { year, fieldTargets: {}, actionInputs: [] };
  return {
    fieldTargets: Object.fromEntries(
      (plan.targets ?? [])
        .filter((target) => !target.node.code.includes('.'))
        .map((target) => [targetKey(target.node.code), target.targetPoints]),
    ),
    actionInputs: (plan.actions ?? []).map((action) => ({
      title: action.title,
      description: action.description,
      nodeId: action.node?.id ?? null,
      taskIds: action.tasks.map((task) => task.id),
    })),
  };
}

const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** `input.actions.2.taskIds.0` → `actionInputs.2.taskIds`; targets by the row they were sent from. */
function formErrorsOf(fields: { field: string; message: string }[], targetKeys: string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { field, message } of fields) {
    const [root, name, index, sub] = field.split('.');
    if (root !== 'input' || !name) continue;
    let key: string = name;
    if (name === 'targets' && index !== undefined) key = targetKeys[Number(index)] ?? name;
    else if (name === 'actions' && index !== undefined) key = `actionInputs.${index}${sub ? `.${sub}` : ''}`;
    errors[key] ??= message;
  }
  return errors;
}

// A reload after a CONFLICT brings the current version without undoing what was typed. One object:
// the form resets (and loses the server's messages) whenever it gets a new one.
const keepTyped = { keepDirtyValues: true } as const;

const percentRange = [required(), minValue(0), maxValue(100)];

const FieldTargets = ({ framework, plan }: { framework: Framework; plan?: PlanRecord }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const last = new Map((plan?.comparison.fields ?? []).map((field) => [field.code, field.lastPoints]));
  return (
    <Table size="small" aria-label={translate('par.plans.target_points')} sx={{ mb: 2 }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('par.plans.field')}</TableCell>
          <TableCell align="right">{translate('par.plans.max_points')}</TableCell>
          <TableCell align="right">{translate('par.plans.last_points')}</TableCell>
          <TableCell>{translate('par.plans.target_points')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {framework.fields.map((field) => {
          const lastPoints = last.get(field.code);
          return (
            <TableRow key={field.id}>
              <TableCell>
                {field.code}. {field.name}
              </TableCell>
              <TableCell align="right">{formatNumber(field.maxPoints, locale)}</TableCell>
              <TableCell align="right">{lastPoints == null ? '–' : formatNumber(lastPoints, locale)}</TableCell>
              <TableCell sx={{ minWidth: 160 }}>
                <NumberInput
                  source={`fieldTargets.${targetKey(field.code)}`}
                  label={false}
                  aria-label={`${translate('par.plans.target_points')} ${field.code}`}
                  step={0.01}
                  min={0}
                  max={field.maxPoints}
                  validate={[minValue(0), maxValue(field.maxPoints)]}
                  helperText={false}
                  size="small"
                  margin="none"
                />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};

export const PlanForm = ({ plan, reload }: { plan?: PlanRecord; reload?: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<ParDataProvider>();
  const { identity } = useGetIdentity();
  const [error, setError] = useState<unknown>(null);
  // The unit and the framework's fields as the form's body shows them, for the submit handler.
  const shown = useRef<Shown | null>(null);
  const role = identity?.role as string | undefined;
  const ownUnitId = typeof identity?.unitId === 'string' ? identity.unitId : undefined;
  // The form's record holds the lists in the inputs' shape: an array input without a value in the
  // record would reset the form (and the server's messages) on every render.
  const formRecord = useMemo(() => ({ ...plan, ...initialValues(plan, new Date().getFullYear() + 1) }), [plan]);

  return (
    <SimpleForm
      record={formRecord}
      resetOptions={keepTyped}
      onSubmit={async (raw: FieldValues) => {
        const values = raw as PlanValues;
        // The framework and unit as the form shows them (see PlanFormBody).
        const context = shown.current;
        if (!context) return undefined;
        const sent = context.fields.flatMap((field) => {
          const value = values.fieldTargets?.[targetKey(field.code)];
          return typeof value === 'number'
            ? [{ nodeId: field.id, targetPoints: value, key: `fieldTargets.${targetKey(field.code)}` }]
            : [];
        });
        // Targets on criteria below the fields (not edited here) stay as they are.
        const kept = (plan?.targets ?? [])
          .filter((target) => target.node.code.includes('.'))
          .map((target) => ({ nodeId: target.node.id, targetPoints: target.targetPoints, key: 'fieldTargets' }));
        const targets = [...sent, ...kept];
        const content = {
          targetPercent: values.targetPercent,
          analysis: blankToNull(values.analysis),
          targets: targets.map(({ nodeId, targetPoints }) => ({ nodeId, targetPoints })),
          actions: (values.actionInputs ?? []).map((action) => ({
            title: action.title?.trim() ?? '',
            description: blankToNull(action.description),
            nodeId: action.nodeId || null,
            taskIds: action.taskIds ?? [],
          })),
        };
        setError(null);
        try {
          const saved = await dataProvider.saveImprovementPlan(
            plan
              ? { update: { id: plan.id, version: plan.version, input: content } }
              : { create: { ...content, unitId: context.unitId, year: values.year } },
          );
          await queryClient.invalidateQueries({ queryKey: ['improvementPlans'] });
          notify('par.plans.saved', { type: 'success' });
          redirect('show', 'improvementPlans', saved.id);
          return undefined;
        } catch (caught) {
          setError(caught);
          notify(describeApiError(caught, translate), { type: 'error', multiLine: true });
          const body = apiErrorBody(caught);
          return body
            ? formErrorsOf(
                body.fields,
                targets.map((target) => target.key),
              )
            : undefined;
        }
      }}
    >
      {isConflict(error) && (
        <Alert
          severity="warning"
          sx={{ mb: 2 }}
          action={
            <Button
              color="inherit"
              size="small"
              onClick={() => {
                setError(null);
                reload?.();
              }}
            >
              {translate('par.workflow.reload')}
            </Button>
          }
        >
          {translate('par.errors.conflict')}
        </Alert>
      )}
      <PlanFormBody plan={plan} role={role} ownUnitId={ownUnitId} shown={shown} />
    </SimpleForm>
  );
};

const PlanFormBody = ({
  plan,
  role,
  ownUnitId,
  shown,
}: {
  plan?: PlanRecord;
  role?: string;
  ownUnitId?: string;
  shown: MutableRefObject<Shown | null>;
}) => {
  const translate = useTranslate();
  const chosenUnit = useWatch<PlanValues, 'unitId'>({ name: 'unitId' });
  const chosenYear = useWatch<PlanValues, 'year'>({ name: 'year' });
  const unitId = plan?.unit.id ?? (role === 'ADMIN' ? chosenUnit : ownUnitId);
  const year = plan?.year ?? (typeof chosenYear === 'number' ? chosenYear : null);
  const { data: unit } = useGetOne<{ id: string; name: string; kind: string }>(
    'units',
    { id: unitId ?? '' },
    { enabled: !plan && Boolean(unitId) },
  );
  const kind = plan?.unit.kind ?? unit?.kind;
  const level = levelOfUnitKind(kind);
  const { data: framework, isPending } = useFramework(level, year);
  // Handed to the submit handler after each render, not during it (React may render and discard).
  useEffect(() => {
    shown.current = { unitId, fields: framework?.fields ?? [] };
  }, [shown, unitId, framework]);
  const nodeChoices = useMemo(
    () => (framework?.nodes ?? []).map((node) => ({ id: node.id, name: `${node.code}. ${node.name}` })),
    [framework],
  );
  const taskFilter = useMemo(() => (unitId ? { leadUnit: unitId } : {}), [unitId]);

  return (
    <>
      {plan ? (
        <Typography variant="h6" sx={{ mb: 2 }}>
          {translate('par.plans.heading', { unit: plan.unit.name, year: plan.year })}
        </Typography>
      ) : role === 'ADMIN' ? (
        <ReferenceInput
          source="unitId"
          reference="units"
          filter={{ active: true }}
          sort={{ field: 'sortOrder', order: 'ASC' }}
        >
          <AutocompleteInput label="resources.improvementPlans.fields.unit" validate={required()} fullWidth />
        </ReferenceInput>
      ) : (
        <Typography variant="h6" sx={{ mb: 2 }}>
          {unit?.name ?? ''}
        </Typography>
      )}
      {!plan && (
        <NumberInput
          source="year"
          label="resources.improvementPlans.fields.year"
          step={1}
          validate={[required(), minValue(2000), maxValue(2100)]}
        />
      )}
      <NumberInput
        source="targetPercent"
        label="resources.improvementPlans.fields.targetPercent"
        step={0.01}
        min={0}
        max={100}
        validate={percentRange}
        helperText="par.plans.target_percent_help"
      />
      <TextInput
        source="analysis"
        label="resources.improvementPlans.fields.analysis"
        helperText="par.plans.analysis_help"
        multiline
        minRows={3}
        fullWidth
      />
      <Typography variant="h6" sx={{ mt: 2 }}>
        {translate('par.plans.target_points_title')}
      </Typography>
      {unitId && !level && kind ? (
        <Alert severity="info">{translate('par.plans.no_level')}</Alert>
      ) : framework ? (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('par.plans.framework_used', { name: framework.name, year: framework.year })}
          </Typography>
          <FieldTargets framework={framework} plan={plan} />
        </>
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate(isPending && unitId && year ? 'ra.page.loading' : 'par.plans.no_framework')}
        </Typography>
      )}
      <Typography variant="h6">{translate('par.plans.actions_title')}</Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('par.plans.actions_help')}
      </Typography>
      <ArrayInput source="actionInputs" label={false}>
        <SimpleFormIterator disableReordering={false} fullWidth>
          <TextInput source="title" label="par.plans.action_title" validate={required()} fullWidth />
          <TextInput source="description" label="par.plans.action_description" multiline fullWidth />
          <AutocompleteInput
            source="nodeId"
            label="par.plans.action_node"
            choices={nodeChoices}
            fullWidth
            emptyText="–"
          />
          <ReferenceArrayInput source="taskIds" reference="tasks" filter={taskFilter} perPage={50}>
            <AutocompleteArrayInput label="par.plans.action_tasks" optionText="title" fullWidth />
          </ReferenceArrayInput>
        </SimpleFormIterator>
      </ArrayInput>
    </>
  );
};
