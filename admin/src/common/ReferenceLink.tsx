// The API returns referenced objects inline (`leadUnit { id name }`): link to them without the extra
// getMany request a ReferenceField would make.
import { Chip, Stack } from '@mui/material';
import type { MouseEvent } from 'react';
import { Link, useCreatePath, useFieldValue, type FieldProps } from 'react-admin';

type Linked = { id: string } & Record<string, unknown>;

const isLinked = (value: unknown): value is Linked =>
  typeof value === 'object' && value !== null && typeof (value as Linked).id === 'string';

interface ReferenceLinkProps extends FieldProps {
  source: string;
  /** The resource the object belongs to, e.g. "units". */
  reference: string;
  /** The object's field to show, e.g. "name". */
  display: string;
}

/** A link to the show page of an object nested in the record. */
export const ReferenceLink = ({ reference, display, ...props }: ReferenceLinkProps) => {
  const createPath = useCreatePath();
  const value: unknown = useFieldValue(props);
  if (!isLinked(value)) return null;
  return (
    <Link
      to={createPath({ resource: reference, id: value.id, type: 'show' })}
      onClick={(e: MouseEvent) => e.stopPropagation()}
    >
      {String(value[display] ?? value.id)}
    </Link>
  );
};

/** Chips linking to the show pages of a list of objects nested in the record. */
export const ReferenceChips = ({ reference, display, ...props }: ReferenceLinkProps) => {
  const createPath = useCreatePath();
  const value: unknown = useFieldValue(props);
  if (!Array.isArray(value)) return null;
  return (
    <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      {value.filter(isLinked).map((item) => (
        <Chip
          key={item.id}
          size="small"
          clickable
          component={Link}
          to={createPath({ resource: reference, id: item.id, type: 'show' })}
          onClick={(e: MouseEvent) => e.stopPropagation()}
          label={String(item[display] ?? item.id)}
        />
      ))}
    </Stack>
  );
};
