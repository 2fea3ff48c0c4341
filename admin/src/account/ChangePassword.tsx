// The signed-in user's own password: the current one, then the new one twice.
import { Box, Card, CardContent, Typography } from '@mui/material';
import {
  Form,
  minLength,
  PasswordInput,
  required,
  SaveButton,
  Title,
  Toolbar,
  useDataProvider,
  useNotify,
  useRedirect,
  useTranslate,
  type RaRecord,
  type Validator,
} from 'react-admin';
import { apiErrorBody, describeApiError } from '../common/apiErrors';
import type { ParDataProvider } from '../dataProvider';

const noRecord: RaRecord = { id: '' };
/** The API's shortest password. */
const minPasswordLength = 12;

const sameAsNew: Validator = (value: unknown, values: { newPassword?: unknown }) =>
  value !== values.newPassword ? 'par.account.passwords_differ' : undefined;

const differentFromCurrent: Validator = (value: unknown, values: { currentPassword?: unknown }) =>
  value && value === values.currentPassword ? 'par.account.password_unchanged' : undefined;

const ChangePassword = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ParDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();

  const submit = async (values: Record<string, unknown>) => {
    try {
      await dataProvider.changePassword({
        currentPassword: String(values.currentPassword ?? ''),
        newPassword: String(values.newPassword ?? ''),
      });
    } catch (error) {
      notify(describeApiError(error, translate), { type: 'error', multiLine: true });
      return apiErrorBody(error)?.errors;
    }
    notify('par.account.password_changed', { type: 'success' });
    redirect('/');
    return undefined;
  };

  return (
    <Box sx={{ mt: 2, maxWidth: 560 }}>
      <Title title="par.account.change_password" />
      <Card>
        <Form record={noRecord} onSubmit={submit}>
          <CardContent>
            <Typography variant="h6" component="h2" gutterBottom>
              {translate('par.account.change_password')}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              {translate('par.account.password_help')}
            </Typography>
            <PasswordInput
              source="currentPassword"
              label="par.account.current_password"
              autoComplete="current-password"
              validate={required()}
              fullWidth
            />
            <PasswordInput
              source="newPassword"
              label="par.account.new_password"
              autoComplete="new-password"
              validate={[required(), minLength(minPasswordLength), differentFromCurrent]}
              fullWidth
            />
            <PasswordInput
              source="confirmPassword"
              label="par.account.confirm_password"
              autoComplete="new-password"
              validate={[required(), sameAsNew]}
              fullWidth
            />
          </CardContent>
          <Toolbar>
            <SaveButton label="par.account.change_password" alwaysEnable />
          </Toolbar>
        </Form>
      </Card>
    </Box>
  );
};

export default ChangePassword;
