// What the secretariat does to an account besides editing it: disable it (its sessions end at once)
// or enable it again, set a new password for it, and lift a sign-in lock that someone's wrong
// passwords put on its name. Each shows while the account's allowedActions from the API include it (the
// first two never on the secretariat's own account: one's own password is changed with the current one).
import DisableIcon from '@mui/icons-material/BlockOutlined';
import EnableIcon from '@mui/icons-material/LockOpenOutlined';
import PasswordIcon from '@mui/icons-material/PasswordOutlined';
import UnlockIcon from '@mui/icons-material/LockResetOutlined';
import { Typography } from '@mui/material';
import { useState, type MouseEvent } from 'react';
import {
  Button,
  Confirm,
  PasswordInput,
  required,
  useDataProvider,
  useNotify,
  useRecordContext,
  useTranslate,
  useUpdate,
} from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { describeApiError } from '../common/apiErrors';
import type { ParDataProvider } from '../dataProvider';
import { passwordPolicy, sameAs } from './passwordPolicy';
import type { AccountAction, AccountRecord } from './types';

const allows = (account: AccountRecord | undefined, action: AccountAction) =>
  account?.allowedActions?.includes(action) ?? false;

// In a list row the button and its dialog (a portal, whose clicks still bubble through React) must
// not open the row.
const stopRowClick = (event: MouseEvent) => event.stopPropagation();

/** Disables an account after a confirmation, or enables it again at once. */
export const ToggleDisabledButton = () => {
  const account = useRecordContext<AccountRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const [update, { isPending }] = useUpdate<AccountRecord>();
  const [confirming, setConfirming] = useState(false);
  const disabling = account?.disabled === false;
  if (!account || !allows(account, disabling ? 'DISABLE' : 'ENABLE')) return null;

  const run = () =>
    update(
      'accounts',
      { id: account.id, data: { disabled: disabling }, previousData: account },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setConfirming(false);
          notify(disabling ? 'par.accounts.disabled_done' : 'par.accounts.enabled_done', {
            type: 'success',
            messageArgs: { name: account.displayName },
          });
        },
        onError: (error) => {
          setConfirming(false);
          notify(describeApiError(error, translate), { type: 'error', multiLine: true });
        },
      },
    );

  return (
    <span onClick={stopRowClick}>
      <Button
        label={disabling ? 'par.accounts.disable' : 'par.accounts.enable'}
        color={disabling ? 'warning' : 'primary'}
        disabled={isPending}
        onClick={() => (disabling ? setConfirming(true) : run())}
      >
        {disabling ? <DisableIcon /> : <EnableIcon />}
      </Button>
      <Confirm
        isOpen={confirming}
        loading={isPending}
        title="par.accounts.disable_title"
        content="par.accounts.disable_help"
        translateOptions={{ name: account.displayName }}
        confirm="par.accounts.disable"
        confirmColor="warning"
        onConfirm={run}
        onClose={() => setConfirming(false)}
      />
    </span>
  );
};

/** Sets a new password for another account; its sessions end and a sign-in lock on its name lifts. */
export const ResetPasswordButton = () => {
  const account = useRecordContext<AccountRecord>();
  const translate = useTranslate();
  if (!account || !allows(account, 'RESET_PASSWORD')) return null;
  const policy = [required(), passwordPolicy(() => account.username)];
  return (
    <ActionDialog
      label="par.accounts.reset_password"
      icon={<PasswordIcon />}
      variant="text"
      description={
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('par.accounts.reset_password_help', { name: account.displayName })}
        </Typography>
      }
      success="par.accounts.password_reset_done"
      onSubmit={(values, provider) =>
        provider.resetPassword({ id: account.id, newPassword: String(values.newPassword ?? '') })
      }
    >
      <PasswordInput
        source="newPassword"
        label="par.account.new_password"
        autoComplete="new-password"
        validate={policy}
        helperText="par.accounts.password_policy"
        fullWidth
      />
      <PasswordInput
        source="confirmPassword"
        label="par.account.confirm_password"
        autoComplete="new-password"
        validate={[required(), sameAs('newPassword')]}
        fullWidth
      />
    </ActionDialog>
  );
};

/** Lifts the sign-in locks on the account's username (from every address), after a confirmation. */
export const UnlockSignInButton = () => {
  const account = useRecordContext<AccountRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<ParDataProvider>();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  if (!account?.username || !allows(account, 'UNLOCK_SIGN_IN')) return null;
  const username = account.username;
  const messageArgs = { name: account.displayName };

  const run = async () => {
    setPending(true);
    try {
      const lifted = await dataProvider.unlockSignIn({ username });
      notify(lifted ? 'par.accounts.unlock_sign_in_done' : 'par.accounts.unlock_sign_in_none', {
        type: lifted ? 'success' : 'info',
        messageArgs,
      });
    } catch (error) {
      notify(describeApiError(error, translate), { type: 'error', multiLine: true });
    } finally {
      setPending(false);
      setConfirming(false);
    }
  };

  return (
    <span onClick={stopRowClick}>
      <Button label="par.accounts.unlock_sign_in" disabled={pending} onClick={() => setConfirming(true)}>
        <UnlockIcon />
      </Button>
      <Confirm
        isOpen={confirming}
        loading={pending}
        title="par.accounts.unlock_sign_in_title"
        content="par.accounts.unlock_sign_in_help"
        translateOptions={messageArgs}
        confirm="par.accounts.unlock_sign_in"
        onConfirm={run}
        onClose={() => setConfirming(false)}
      />
    </span>
  );
};
