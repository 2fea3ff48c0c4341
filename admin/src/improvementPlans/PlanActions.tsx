// The workflow buttons of a plan: edit and submit for the head of its unit while the plan is with the
// unit, approve or return for the committee on a submitted plan (and the secretariat for both). Which
// ones show follows the API's `allowedActions` for the signed-in account; the server still decides.
import ApproveIcon from '@mui/icons-material/CheckCircleOutlined';
import ReturnIcon from '@mui/icons-material/UndoOutlined';
import SubmitIcon from '@mui/icons-material/SendOutlined';
import { Typography } from '@mui/material';
import { EditButton, required, TextInput, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { ActionDialog, type FieldValues } from '../common/ActionDialog';
import { allowedPlanActions, type PlanRecord } from './types';

const Explanation = ({ text }: { text: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
      {translate(text)}
    </Typography>
  );
};

const noteOf = (values: FieldValues) => (typeof values.note === 'string' ? values.note : null);
const reasonOf = (values: FieldValues) => (typeof values.reason === 'string' ? values.reason : '');

export const PlanActions = () => {
  const plan = useRecordContext<PlanRecord>();
  if (!plan) return <TopToolbar />;
  const allowed = allowedPlanActions(plan);
  const step = { id: plan.id, version: plan.version };
  return (
    <TopToolbar sx={{ flexWrap: 'wrap', gap: 1 }}>
      {allowed.has('EDIT') && <EditButton />}
      {allowed.has('SUBMIT') && (
        <ActionDialog
          label="par.plans.submit"
          icon={<SubmitIcon />}
          variant="contained"
          success="par.plans.submitted"
          description={<Explanation text={plan.flagged ? 'par.plans.submit_flagged_help' : 'par.plans.submit_help'} />}
          onSubmit={(_values, provider) => provider.submitImprovementPlan(step)}
        />
      )}
      {allowed.has('APPROVE') && (
        <ActionDialog
          label="par.plans.approve"
          icon={<ApproveIcon />}
          color="success"
          variant="contained"
          success="par.plans.approved"
          description={<Explanation text="par.plans.approve_help" />}
          onSubmit={(values, provider) => provider.approveImprovementPlan({ ...step, note: noteOf(values) })}
        >
          <TextInput source="note" label="par.plans.review_note" multiline minRows={2} fullWidth />
        </ActionDialog>
      )}
      {allowed.has('RETURN') && (
        <ActionDialog
          label="par.plans.return"
          icon={<ReturnIcon />}
          color="warning"
          success="par.plans.returned"
          description={<Explanation text="par.plans.return_help" />}
          onSubmit={(values, provider) => provider.returnImprovementPlan({ ...step, reason: reasonOf(values) })}
        >
          <TextInput
            source="reason"
            label="par.workflow.reason"
            helperText="par.workflow.reason_help"
            validate={required()}
            multiline
            minRows={3}
            fullWidth
          />
        </ActionDialog>
      )}
    </TopToolbar>
  );
};
