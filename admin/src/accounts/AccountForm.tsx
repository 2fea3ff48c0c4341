// The secretariat's account form. Creating one sets the username and the first password; afterwards
// the username stays, and the password changes only through a reset (AccountActions.tsx).
import { Alert } from '@mui/material';
import {
  AutocompleteInput,
  FormDataConsumer,
  Labeled,
  PasswordInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useRecordContext,
  useTranslate,
  type Validator,
} from 'react-admin';
import { InstantField } from '../common/LocaleFields';
import { ShowGrid } from '../common/ShowGrid';
import { enumChoices } from '../enums';
import { passwordPolicy } from './passwordPolicy';
import type { AccountRecord } from './types';

const activeUnits = { active: true };
const unitOrder = { field: 'sortOrder', order: 'ASC' } as const;
const personOrder = { field: 'fullName', order: 'ASC' } as const;

/** The API's rule: a unit head's account names the unit the head answers for. */
const unitOfHead: Validator = (value: unknown, values: { role?: unknown }) =>
  values.role === 'UNIT_HEAD' && !value ? 'par.accounts.unit_required' : undefined;

const newPassword = [required(), passwordPolicy((values) => values.username)];

/** Required for a unit head, optional otherwise (the secretariat's and the committee's own units). */
const UnitInput = () => (
  <FormDataConsumer<{ role?: unknown }>>
    {({ formData }) => {
      const forHead = formData.role === 'UNIT_HEAD';
      return (
        <ReferenceInput source="unitId" reference="units" filter={activeUnits} sort={unitOrder}>
          <AutocompleteInput
            label={forHead ? 'par.accounts.unit_of_head' : 'resources.accounts.fields.unit'}
            validate={unitOfHead}
            helperText={forHead ? 'par.accounts.unit_help_head' : 'par.accounts.unit_help'}
            fullWidth
          />
        </ReferenceInput>
      );
    }}
  </FormDataConsumer>
);

export const AccountForm = () => {
  const account = useRecordContext<AccountRecord>();
  const translate = useTranslate();
  const editing = account !== undefined;
  return (
    <SimpleForm sx={{ maxWidth: 720 }}>
      {account?.disabled && (
        <Alert severity="warning" sx={{ mb: 2, width: '100%' }}>
          {translate('par.accounts.disabled_notice')}
        </Alert>
      )}
      {editing ? (
        <TextInput source="username" readOnly fullWidth />
      ) : (
        <TextInput
          source="username"
          validate={required()}
          helperText="par.accounts.username_help"
          autoComplete="off"
          fullWidth
        />
      )}
      <TextInput source="displayName" validate={required()} helperText="par.accounts.display_name_help" fullWidth />
      <SelectInput source="role" choices={enumChoices('Role')} validate={required()} />
      <UnitInput />
      <ReferenceInput source="personId" reference="people" sort={personOrder}>
        <AutocompleteInput
          label="resources.accounts.fields.person"
          filterToQuery={(fullName) => ({ fullName })}
          helperText="par.accounts.person_help"
          fullWidth
        />
      </ReferenceInput>
      {!editing && (
        <PasswordInput
          source="password"
          validate={newPassword}
          helperText="par.accounts.password_policy"
          autoComplete="new-password"
          fullWidth
        />
      )}
      {editing && (
        <ShowGrid>
          <Labeled source="lastLoginAt">
            <InstantField source="lastLoginAt" emptyText="par.accounts.never" />
          </Labeled>
          <Labeled source="passwordChangedAt">
            <InstantField source="passwordChangedAt" emptyText="—" />
          </Labeled>
          <Labeled source="createdAt">
            <InstantField source="createdAt" />
          </Labeled>
        </ShowGrid>
      )}
    </SimpleForm>
  );
};
