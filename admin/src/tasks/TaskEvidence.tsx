// The evidence (minh chứng) of a task: each piece with what identifies it (document number, date and
// issuer; the link; the file to download) and the committee's review; forms to add a document or a
// link and to upload a file while the task's ADD_EVIDENCE is allowed, and accept/reject on a piece
// while its own allowedActions include REVIEW.
import AcceptIcon from '@mui/icons-material/CheckOutlined';
import DownloadIcon from '@mui/icons-material/DownloadOutlined';
import AddIcon from '@mui/icons-material/NoteAddOutlined';
import RejectIcon from '@mui/icons-material/CloseOutlined';
import UploadIcon from '@mui/icons-material/UploadFileOutlined';
import { Box, Button, FormControl, FormHelperText, FormLabel, Link, Stack, Typography } from '@mui/material';
import { useState, type ChangeEvent } from 'react';
import {
  ArrayField,
  DataTable,
  DateInput,
  FormDataConsumer,
  InputHelperText,
  RadioButtonGroupInput,
  required,
  ResourceContextProvider,
  TextInput,
  useDataProvider,
  useInput,
  useLocaleState,
  useNotify,
  useRecordContext,
  useTranslate,
  type Validator,
} from 'react-admin';
import { ActionDialog, type FieldValues } from '../common/ActionDialog';
import { describeApiError } from '../common/apiErrors';
import { formatDay } from '../common/dates';
import { EnumField } from '../common/EnumField';
import { InstantField } from '../common/LocaleFields';
import { ShowSection } from '../common/ShowGrid';
import type { ParDataProvider } from '../dataProvider';
import type { EvidenceDraft } from '../dataProvider/workflow';
import { allowedActionsOf, type EvidenceRecord, type TaskRecord } from './types';

/** The largest file the API accepts unless configured otherwise (MAX_UPLOAD_MB). */
export const maxUploadMegabytes = 20;
const maxUploadBytes = maxUploadMegabytes * 1024 * 1024;
/** What the API accepts, judged by content; the picker only suggests these. */
const acceptedFiles = '.pdf,.png,.jpg,.jpeg,.webp,.tif,.tiff,.doc,.docx,.xls,.xlsx,.pptx,.odt,.ods';

const text = (values: FieldValues, name: string) => {
  const value = values[name];
  return typeof value === 'string' ? value.trim() : '';
};

/** 1 234 567 bytes → "1,2 MB" in the current language. */
export function formatFileSize(bytes: number, locale: string): string {
  const number = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${number.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${number.format(bytes / 1024)} KB`;
  return `${number.format(bytes / 1024 / 1024)} MB`;
}

const ReviewStatusField = () => (
  <EnumField source="reviewStatus" enumName="ReviewStatus" colors={{ ACCEPTED: 'success', REJECTED: 'error' }} />
);

const EvidenceKindField = () => <EnumField source="kind" enumName="EvidenceKind" />;

/** Fetches the file with the session's token (a plain link would not carry it) and saves it. */
const DownloadButton = ({ evidence }: { evidence: EvidenceRecord }) => {
  const dataProvider = useDataProvider<ParDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [pending, setPending] = useState(false);
  if (!evidence.downloadUrl) return null;
  const url = evidence.downloadUrl;
  const download = async () => {
    setPending(true);
    try {
      await dataProvider.downloadEvidence({ url, fileName: evidence.fileName ?? evidence.title });
    } catch (error) {
      notify(describeApiError(error, translate), { type: 'error' });
    } finally {
      setPending(false);
    }
  };
  return (
    <Button size="small" startIcon={<DownloadIcon />} onClick={download} disabled={pending}>
      {translate('par.evidence.download')}
    </Button>
  );
};

/** The title, and below it whether it is a document, a link or a file. */
const EvidenceTitle = () => {
  const evidence = useRecordContext<EvidenceRecord>();
  if (!evidence) return null;
  return (
    <Stack useFlexGap sx={{ gap: 0.5, alignItems: 'flex-start' }}>
      <Typography variant="body2" sx={{ fontWeight: 500 }}>
        {evidence.title}
      </Typography>
      <EvidenceKindField />
    </Stack>
  );
};

/** What identifies the piece: the document's number, date and issuer, the link, or the file. */
const EvidenceDetails = () => {
  const evidence = useRecordContext<EvidenceRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!evidence) return null;
  if (evidence.kind === 'LINK' && evidence.url) {
    return (
      <Link href={evidence.url} target="_blank" rel="noopener noreferrer" sx={{ wordBreak: 'break-all' }}>
        {evidence.url}
      </Link>
    );
  }
  if (evidence.kind === 'FILE') {
    return (
      <Stack direction="row" useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
        <Typography variant="body2">
          {evidence.fileName}
          {typeof evidence.fileSize === 'number' && ` (${formatFileSize(evidence.fileSize, locale)})`}
        </Typography>
        <DownloadButton evidence={evidence} />
      </Stack>
    );
  }
  const parts = [
    evidence.documentNumber && translate('par.evidence.number', { number: evidence.documentNumber }),
    evidence.documentDate && translate('par.evidence.dated', { date: formatDay(evidence.documentDate, locale) }),
    evidence.issuer,
  ].filter(Boolean);
  return <Typography variant="body2">{parts.join(' · ')}</Typography>;
};

const EvidenceSubmitted = () => {
  const evidence = useRecordContext<EvidenceRecord>();
  if (!evidence) return null;
  return (
    <Box>
      <InstantField source="submittedAt" />
      {evidence.submittedBy && (
        <Typography variant="caption" component="div" color="text.secondary">
          {evidence.submittedBy.displayName}
        </Typography>
      )}
    </Box>
  );
};

const EvidenceReview = () => {
  const evidence = useRecordContext<EvidenceRecord>();
  if (!evidence) return null;
  return (
    <Box>
      <ReviewStatusField />
      {evidence.reviewNote && (
        <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-line' }}>
          {evidence.reviewNote}
        </Typography>
      )}
      {evidence.reviewedBy && (
        <Typography variant="caption" component="div" color="text.secondary">
          {evidence.reviewedBy.displayName}
        </Typography>
      )}
    </Box>
  );
};

/** Accept or reject, while the evidence's allowedActions include REVIEW. */
const ReviewButtons = () => {
  const evidence = useRecordContext<EvidenceRecord>();
  if (!evidence?.allowedActions?.includes('REVIEW')) return null;
  return (
    <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1, mt: 1 }}>
      {evidence.reviewStatus !== 'ACCEPTED' && (
        <ActionDialog
          label="par.evidence.accept"
          title="par.evidence.accept_title"
          icon={<AcceptIcon />}
          color="success"
          success="par.evidence.reviewed"
          description={<EvidenceName evidence={evidence} />}
          onSubmit={(values, provider) =>
            provider.reviewEvidence({
              id: evidence.id,
              version: evidence.version,
              decision: 'ACCEPTED',
              note: text(values, 'note'),
            })
          }
        >
          <TextInput source="note" label="par.workflow.note" multiline fullWidth />
        </ActionDialog>
      )}
      {evidence.reviewStatus !== 'REJECTED' && (
        <ActionDialog
          label="par.evidence.reject"
          title="par.evidence.reject_title"
          icon={<RejectIcon />}
          color="error"
          success="par.evidence.reviewed"
          description={<EvidenceName evidence={evidence} />}
          onSubmit={(values, provider) =>
            provider.reviewEvidence({
              id: evidence.id,
              version: evidence.version,
              decision: 'REJECTED',
              note: text(values, 'note'),
            })
          }
        >
          <TextInput
            source="note"
            label="par.evidence.reject_note"
            validate={required()}
            multiline
            minRows={2}
            fullWidth
          />
        </ActionDialog>
      )}
    </Stack>
  );
};

const EvidenceName = ({ evidence }: { evidence: EvidenceRecord }) => (
  <Typography variant="body2" sx={{ mb: 2, fontWeight: 500 }}>
    {evidence.title}
  </Typography>
);

const kindChoices = [
  { id: 'DOCUMENT', name: 'par.enum.EvidenceKind.DOCUMENT' },
  { id: 'LINK', name: 'par.enum.EvidenceKind.LINK' },
];

function evidenceDraft(values: FieldValues): EvidenceDraft {
  const title = text(values, 'title');
  return values.kind === 'LINK'
    ? { kind: 'LINK', title, url: text(values, 'url') }
    : {
        kind: 'DOCUMENT',
        title,
        documentNumber: text(values, 'documentNumber'),
        documentDate: text(values, 'documentDate'),
        issuer: text(values, 'issuer'),
      };
}

const AddEvidenceButton = ({ taskId }: { taskId: string }) => (
  <ActionDialog
    label="par.evidence.add"
    icon={<AddIcon />}
    success="par.evidence.added"
    defaultValues={{ kind: 'DOCUMENT' }}
    onSubmit={(values, provider) => provider.addEvidence({ taskId, input: evidenceDraft(values) })}
  >
    <RadioButtonGroupInput source="kind" label="resources.evidence.fields.kind" choices={kindChoices} row />
    <TextInput
      source="title"
      label="resources.evidence.fields.title"
      helperText="par.evidence.title_help"
      validate={required()}
      fullWidth
    />
    <FormDataConsumer>
      {({ formData }) =>
        formData.kind === 'LINK' ? (
          <TextInput
            source="url"
            label="resources.evidence.fields.url"
            helperText="par.evidence.url_help"
            type="url"
            validate={required()}
            fullWidth
          />
        ) : (
          <>
            <TextInput
              source="documentNumber"
              label="resources.evidence.fields.documentNumber"
              helperText="par.evidence.document_number_help"
              validate={required()}
              fullWidth
            />
            <DateInput source="documentDate" label="resources.evidence.fields.documentDate" validate={required()} />
            <TextInput
              source="issuer"
              label="resources.evidence.fields.issuer"
              helperText="par.evidence.issuer_help"
              validate={required()}
              fullWidth
            />
          </>
        )
      }
    </FormDataConsumer>
  </ActionDialog>
);

const fileSize: Validator = (value: unknown) =>
  value instanceof File && value.size > maxUploadBytes
    ? { message: 'par.evidence.file_too_large', args: { mb: maxUploadMegabytes } }
    : undefined;

/** A file picker as a form input; the chosen file is the value. */
const FileChooser = ({ source }: { source: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { id, field, fieldState } = useInput({ source, validate: [required(), fileSize] });
  const file: unknown = field.value;
  const chosen = file instanceof File ? file : null;
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    field.onChange(event.target.files?.[0] ?? null);
    field.onBlur();
  };
  return (
    <FormControl error={fieldState.invalid} sx={{ mt: 1, mb: 1 }} fullWidth>
      <FormLabel htmlFor={id}>{translate('par.evidence.file')}</FormLabel>
      <Stack direction="row" useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1, mt: 1 }}>
        <Button component="label" variant="outlined" size="small" startIcon={<UploadIcon />}>
          {translate('par.evidence.choose_file')}
          <input id={id} type="file" accept={acceptedFiles} hidden onChange={choose} />
        </Button>
        <Typography variant="body2">
          {chosen ? `${chosen.name} (${formatFileSize(chosen.size, locale)})` : translate('par.evidence.no_file')}
        </Typography>
      </Stack>
      <FormHelperText>
        {fieldState.error?.message ? (
          <InputHelperText error={fieldState.error.message} />
        ) : (
          translate('par.evidence.file_hint', { mb: maxUploadMegabytes })
        )}
      </FormHelperText>
    </FormControl>
  );
};

const UploadEvidenceButton = ({ taskId }: { taskId: string }) => (
  <ActionDialog
    label="par.evidence.upload"
    icon={<UploadIcon />}
    success="par.evidence.uploaded"
    onSubmit={(values, provider) => {
      const file = values.file;
      if (!(file instanceof File)) return Promise.reject(new Error('par.evidence.no_file'));
      return provider.uploadEvidence({ taskId, title: text(values, 'title'), file });
    }}
  >
    <TextInput
      source="title"
      label="resources.evidence.fields.title"
      helperText="par.evidence.file_title_help"
      validate={required()}
      fullWidth
    />
    <FileChooser source="file" />
  </ActionDialog>
);

export const TaskEvidence = () => {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  if (!task) return null;
  const allowed = allowedActionsOf(task);
  const evidence = task.evidence ?? [];
  return (
    <ShowSection title="resources.evidence.name">
      {allowed.has('ADD_EVIDENCE') && (
        <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1, mb: 1 }}>
          <AddEvidenceButton taskId={task.id} />
          <UploadEvidenceButton taskId={task.id} />
        </Stack>
      )}
      {task.evidence && evidence.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('par.evidence.none')}
        </Typography>
      ) : (
        <ResourceContextProvider value="evidence">
          <ArrayField source="evidence">
            <DataTable bulkActionButtons={false} rowClick={false}>
              <DataTable.Col source="title" sx={{ minWidth: 180 }}>
                <EvidenceTitle />
              </DataTable.Col>
              <DataTable.Col source="details" sx={{ minWidth: 180 }}>
                <EvidenceDetails />
              </DataTable.Col>
              <DataTable.Col source="submittedAt">
                <EvidenceSubmitted />
              </DataTable.Col>
              <DataTable.Col source="reviewStatus" sx={{ minWidth: 140 }}>
                <EvidenceReview />
                <ReviewButtons />
              </DataTable.Col>
            </DataTable>
          </ArrayField>
        </ResourceContextProvider>
      )}
    </ShowSection>
  );
};
