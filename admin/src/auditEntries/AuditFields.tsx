// The cells of the audit log: who (a click filters by them), which record (a link when it has a page),
// and what changed, compactly: a few "field: before → after" lines, the rest on demand.
import { Box, Link as MuiLink, TextField as MuiTextField, Typography } from '@mui/material';
import { useState, type MouseEvent } from 'react';
import {
  Button,
  Link,
  useCreatePath,
  useGetOne,
  useInput,
  useListContext,
  useRecordContext,
  useTranslate,
  type TranslateFunction,
} from 'react-admin';
import { enumLabel } from '../enums';
import { byLeadingFields, entityLabel, enumOfField, fieldLabelResources, linkedResources } from './entities';

export interface AuditEntryRecord {
  id: string;
  at: string;
  action: string;
  operation: string;
  entity: string;
  entityId: number;
  record: string;
  changes: unknown;
  note: string | null;
  actor: { id: string; displayName: string } | null;
}

/** The actor's name; a click shows only that actor's entries. */
export const ActorField = () => {
  const entry = useRecordContext<AuditEntryRecord>();
  const translate = useTranslate();
  const { filterValues, displayedFilters, setFilters } = useListContext();
  if (!entry) return null;
  const { actor } = entry;
  if (!actor) return <Typography variant="body2">{translate('par.audit.no_actor')}</Typography>;
  const filterByActor = (event: MouseEvent) => {
    event.stopPropagation();
    setFilters({ ...filterValues, actor: actor.id }, { ...displayedFilters, actor: true });
  };
  return (
    <MuiLink
      component="button"
      type="button"
      variant="body2"
      title={translate('par.audit.filter_by_actor')}
      onClick={filterByActor}
      sx={{ textAlign: 'left' }}
    >
      {actor.displayName}
    </MuiLink>
  );
};

/** "Nhiệm vụ #12", linked to the task's page; records without a page of their own are plain text. */
export const RecordLink = () => {
  const entry = useRecordContext<AuditEntryRecord>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (!entry) return null;
  const text = `${translate(entityLabel(entry.entity), { _: entry.entity })} #${entry.entityId}`;
  const resource = linkedResources[entry.entity];
  if (!resource) {
    return (
      <Typography variant="body2" component="span" title={entry.record} sx={{ whiteSpace: 'nowrap' }}>
        {text}
      </Typography>
    );
  }
  return (
    <Link
      to={createPath({ resource, id: entry.record, type: 'show' })}
      title={entry.record}
      sx={{ whiteSpace: 'nowrap' }}
    >
      {text}
    </Link>
  );
};

interface Change {
  before: unknown;
  after: unknown;
}

const isChange = (value: unknown): value is Change =>
  typeof value === 'object' && value !== null && 'before' in value && 'after' in value;

/** Longer values are cut in the table; the whole value is in the line's tooltip. */
const maxValueLength = 60;

function plainValue(value: unknown, translate: TranslateFunction): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return translate(value ? 'ra.boolean.true' : 'ra.boolean.false');
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

const shortened = (text: string) => (text.length > maxValueLength ? `${text.slice(0, maxValueLength - 1)}…` : text);

/** How many changed fields show before "show more". */
const compactLines = 3;

/** The changed fields of an entry: "field: before → after" (on a creation only the value set). */
export const ChangesField = () => {
  const entry = useRecordContext<AuditEntryRecord>();
  const translate = useTranslate();
  const [expanded, setExpanded] = useState(false);
  const changes = entry?.changes;
  if (!entry || typeof changes !== 'object' || changes === null) return null;
  // The record's own id is in the record column already.
  const lines = Object.entries(changes as Record<string, unknown>)
    .filter(([field]) => field !== 'id')
    .sort(byLeadingFields);
  if (lines.length === 0) return null;
  const resource = fieldLabelResources[entry.entity];
  const label = (field: string) =>
    resource ? translate(`resources.${resource}.fields.${field}`, { _: field }) : field;
  const describe = (field: string, change: unknown) => {
    const enumName = enumOfField(entry.entity, field);
    const value = (raw: unknown) =>
      enumName && typeof raw === 'string'
        ? translate(enumLabel(enumName, raw), { _: raw })
        : plainValue(raw, translate);
    if (!isChange(change)) return value(change);
    const after = value(change.after);
    return entry.action === 'CREATE' && change.before === null ? after : `${value(change.before)} → ${after}`;
  };
  const shown = expanded ? lines : lines.slice(0, compactLines);
  const hidden = lines.length - compactLines;
  return (
    <Box sx={{ minWidth: 220, maxWidth: 460 }}>
      <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {shown.map(([field, change]) => {
          const text = describe(field, change);
          return (
            <Typography key={field} component="li" variant="body2" title={text} sx={{ overflowWrap: 'anywhere' }}>
              <Box component="span" sx={{ fontWeight: 500 }}>
                {label(field)}
              </Box>
              : {shortened(text)}
            </Typography>
          );
        })}
      </Box>
      {hidden > 0 && (
        <Button
          size="small"
          sx={{ px: 0, minWidth: 0 }}
          onClick={(event) => {
            event.stopPropagation();
            setExpanded(!expanded);
          }}
          label={expanded ? 'par.audit.show_less' : translate('par.audit.show_more', { smart_count: hidden })}
        />
      )}
    </Box>
  );
};

/**
 * The actor filter for those who cannot list accounts (the committee, analysts): it shows the actor
 * chosen by a click on a name in the table; its remove button clears it.
 */
export const ActorFilterInput = ({
  source,
  size,
}: {
  source: string;
  alwaysOn?: boolean;
  size?: 'small' | 'medium';
}) => {
  const translate = useTranslate();
  const { field } = useInput({ source });
  const id = typeof field.value === 'string' && field.value !== '' ? field.value : undefined;
  const { data } = useGetOne<{ id: string; displayName: string }>(
    'accounts',
    { id: id ?? '' },
    { enabled: id !== undefined },
  );
  return (
    <MuiTextField
      label={translate('resources.auditEntries.fields.actor')}
      value={data?.displayName ?? ''}
      placeholder={translate('par.audit.actor_hint')}
      size={size}
      variant="filled"
      margin="dense"
      slotProps={{ input: { readOnly: true }, inputLabel: { shrink: true } }}
      sx={{ minWidth: 240 }}
    />
  );
};
