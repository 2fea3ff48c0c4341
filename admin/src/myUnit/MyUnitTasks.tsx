// "My unit": a unit head's open tasks, led or supported by the unit, the overdue ones first, then those
// due soon, then the rest, each group by deadline; how many of each at the top.
import DueSoonIcon from '@mui/icons-material/AlarmOutlined';
import OnTrackIcon from '@mui/icons-material/EventAvailableOutlined';
import OverdueIcon from '@mui/icons-material/ReportProblemOutlined';
import { Alert, Box, Card, CardContent, Chip, LinearProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  DataTable,
  ListContextProvider,
  ResourceContextProvider,
  TextField,
  Title,
  useGetIdentity,
  useGetList,
  useList,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ProgressField } from '../common/ProgressField';
import { enumLabel, type Timeliness } from '../enums';
import { DeadlineField, StatusField, TimelinessField } from '../tasks/TaskFields';
import type { TaskRecord } from '../tasks/types';

type OpenTimeliness = Extract<Timeliness, 'OVERDUE' | 'DUE_SOON' | 'ON_TRACK'>;

/** The order the groups are read in. */
const groups: { timeliness: OpenTimeliness; icon: ReactNode; color: string }[] = [
  { timeliness: 'OVERDUE', icon: <OverdueIcon color="error" fontSize="large" />, color: 'error.main' },
  { timeliness: 'DUE_SOON', icon: <DueSoonIcon color="warning" fontSize="large" />, color: 'warning.main' },
  { timeliness: 'ON_TRACK', icon: <OnTrackIcon color="info" fontSize="large" />, color: 'info.main' },
];

/** The most tasks a group lists: a page of the API. */
const perGroup = 100;

/** One group's tasks, by deadline, and how many there are. */
function useGroup(unitId: string | null, timeliness: OpenTimeliness) {
  return useGetList<TaskRecord>(
    'tasks',
    {
      filter: { unit: unitId, timeliness: [timeliness] },
      sort: { field: 'deadline', order: 'ASC' },
      pagination: { page: 1, perPage: perGroup },
    },
    { enabled: unitId !== null },
  );
}

const CountCard = ({
  label,
  count,
  icon,
  color,
}: {
  label: string;
  count?: number;
  icon: ReactNode;
  color: string;
}) => (
  <Card sx={{ flex: '1 1 200px', borderTop: 4, borderColor: color }}>
    <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
      {icon}
      <div>
        <Typography variant="body2" color="text.secondary">
          {label}
        </Typography>
        <Typography variant="h4" component="p">
          {count ?? '…'}
        </Typography>
      </div>
    </CardContent>
  </Card>
);

/** Whether the unit leads the task or supports it. */
const UnitRole = ({ unitId }: { unitId: string }) => {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  if (!task) return null;
  const leads = task.leadUnit.id === unitId;
  return (
    <Chip
      size="small"
      variant={leads ? 'filled' : 'outlined'}
      label={translate(leads ? 'par.my_unit.lead' : 'par.my_unit.support')}
    />
  );
};

const MyUnitTasks = () => {
  const translate = useTranslate();
  const { identity, isPending: identityPending } = useGetIdentity();
  const unitId = typeof identity?.unitId === 'string' ? identity.unitId : null;
  const overdue = useGroup(unitId, 'OVERDUE');
  const dueSoon = useGroup(unitId, 'DUE_SOON');
  const onTrack = useGroup(unitId, 'ON_TRACK');
  const results = [overdue, dueSoon, onTrack];
  const rows = results.flatMap((result) => result.data ?? []);
  const pending = results.some((result) => result.isPending);
  const listContext = useList({ data: rows, resource: 'tasks', perPage: rows.length || 1, isPending: pending });

  if (!identityPending && !unitId) {
    return (
      <Box sx={{ mt: 2 }}>
        <Title title="par.my_unit.title" />
        <Alert severity="info">{translate('par.my_unit.no_unit')}</Alert>
      </Box>
    );
  }

  return (
    <Box sx={{ mt: 2 }}>
      <Title title="par.my_unit.title" />
      <Typography variant="h5" component="h2">
        {translate('par.my_unit.heading', { unit: identity?.unitName ?? '' })}
      </Typography>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {translate('par.my_unit.help')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, my: 2 }} aria-label={translate('par.my_unit.counts')}>
        {groups.map(({ timeliness, icon, color }, index) => (
          <CountCard
            key={timeliness}
            label={translate(enumLabel('Timeliness', timeliness))}
            count={results[index]?.total}
            icon={icon}
            color={color}
          />
        ))}
      </Box>
      {pending && <LinearProgress />}
      {!pending && rows.length === 0 && <Alert severity="success">{translate('par.my_unit.nothing_open')}</Alert>}
      {rows.length > 0 && (
        <Card>
          <ResourceContextProvider value="tasks">
            <ListContextProvider value={listContext}>
              <DataTable rowClick="show" bulkActionButtons={false}>
                <DataTable.Col source="timeliness" field={TimelinessField} disableSort sx={{ minWidth: 140 }} />
                <DataTable.Col source="title" field={TextField} disableSort sx={{ minWidth: 240 }} />
                <DataTable.Col source="role" label="par.my_unit.role" disableSort>
                  <UnitRole unitId={unitId ?? ''} />
                </DataTable.Col>
                <DataTable.Col source="deadline" disableSort>
                  <DeadlineField />
                </DataTable.Col>
                <DataTable.Col source="status" field={StatusField} disableSort sx={{ minWidth: 130 }} />
                <DataTable.Col source="progress" field={ProgressField} disableSort />
              </DataTable>
            </ListContextProvider>
          </ResourceContextProvider>
        </Card>
      )}
      {results.some((result) => (result.total ?? 0) > perGroup) && (
        <Typography variant="caption" color="text.secondary">
          {translate('par.my_unit.more', { smart_count: perGroup })}
        </Typography>
      )}
    </Box>
  );
};

export default MyUnitTasks;
