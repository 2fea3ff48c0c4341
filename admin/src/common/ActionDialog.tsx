// A button that opens a small dialog (a note, a reason, a date ...) and runs one workflow call.
// On success the dialog closes and the page reloads; a refusal is notified with the server's message,
// field messages appear beside the inputs, and a CONFLICT offers to reload the task, keeping what was typed.
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, type ButtonProps } from '@mui/material';
import { useId, useState, type ReactElement, type ReactNode } from 'react';
import { Form, useTranslate, type RaRecord } from 'react-admin';
import type { ParDataProvider } from '../dataProvider';
import { isConflict } from './apiErrors';
import { useWorkflowCall } from './useWorkflowCall';

/** What the dialog's inputs hold, by source. */
export type FieldValues = Record<string, unknown>;

export interface ActionDialogProps {
  /** Message key of the button (and of the dialog's title unless `title` is given). */
  label: string;
  title?: string;
  icon?: ReactElement;
  color?: ButtonProps['color'];
  variant?: ButtonProps['variant'];
  size?: ButtonProps['size'];
  /** Text above the inputs: what the step does. */
  description?: ReactNode;
  defaultValues?: FieldValues;
  /** The inputs (react-admin inputs), if any. */
  children?: ReactNode;
  /** Message key of the confirm button; `label` unless given. */
  confirmLabel?: string;
  /** Message key of the success notification. */
  success: string;
  onSubmit: (values: FieldValues, dataProvider: ParDataProvider) => Promise<unknown>;
}

// The dialog's form starts from its own default values, never from the task around it.
const noRecord: RaRecord = { id: '' };

export const ActionDialog = ({
  label,
  title,
  icon,
  color = 'primary',
  variant = 'outlined',
  size = 'small',
  description,
  defaultValues,
  children,
  confirmLabel,
  success,
  onSubmit,
}: ActionDialogProps) => {
  const translate = useTranslate();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  // Taken when the dialog opens: a reload of the task (after a CONFLICT) must not reset what was typed.
  const [initialValues, setInitialValues] = useState<FieldValues | undefined>(undefined);
  const { run, pending, error, reload, clearError } = useWorkflowCall();

  const openDialog = () => {
    setInitialValues(defaultValues);
    setOpen(true);
  };

  const close = () => {
    if (pending) return;
    clearError();
    setOpen(false);
  };

  const submit = async (values: FieldValues) => {
    const result = await run((provider) => onSubmit(values, provider), { success });
    if (result.ok) {
      setOpen(false);
      return undefined;
    }
    return result.fieldErrors;
  };

  return (
    <>
      <Button color={color} variant={variant} size={size} startIcon={icon} onClick={openDialog}>
        {translate(label)}
      </Button>
      <Dialog open={open} onClose={close} aria-labelledby={titleId} fullWidth maxWidth="sm">
        <Form record={noRecord} defaultValues={initialValues} onSubmit={submit} noValidate>
          <DialogTitle id={titleId}>{translate(title ?? label)}</DialogTitle>
          <DialogContent>
            {description}
            {isConflict(error) && (
              <Alert
                severity="warning"
                sx={{ mb: 2 }}
                action={
                  <Button color="inherit" size="small" onClick={reload}>
                    {translate('par.workflow.reload')}
                  </Button>
                }
              >
                {translate('par.errors.conflict')}
              </Alert>
            )}
            {children}
          </DialogContent>
          <DialogActions>
            <Button onClick={close} disabled={pending}>
              {translate('ra.action.close')}
            </Button>
            <Button type="submit" variant="contained" color={color} disabled={pending}>
              {translate(confirmLabel ?? label)}
            </Button>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
