// The workflow mutations of a task: each names the version it read, and Task.allowedActions tells a
// client in advance which of them the signed-in account may take.
import { z } from 'zod';
import { builder } from '../builder.ts';
import { runMutation } from '../services/mutation.ts';
import {
  approveTask,
  cancelTask,
  commentOnTask,
  reportProgress,
  returnTask,
  startTask,
  submitTask,
} from '../services/task-steps.ts';
import { taskRules, type TaskStep } from '../services/task-workflow.ts';
import { rolesFor } from './access.ts';
import { decodeId } from './filters.ts';
import { optionalText, requiredText } from './validation.ts';

const note = requiredText(5_000);
const optionalNote = optionalText(5_000);

const idArg = { required: true, description: 'Global id of the task.' } as const;
const versionArg = {
  required: true,
  description: 'The version the step is based on; CONFLICT when outdated.',
} as const;

const scopesOf = (step: TaskStep) => rolesFor(taskRules, step);

builder.mutationFields((t) => {
  /** A step that takes an optional note and moves the task's status. */
  const noteStep = (description: string, step: TaskStep, run: typeof startTask) =>
    t.prismaField({
      type: 'Task',
      description,
      authScopes: scopesOf(step),
      args: {
        id: t.arg.id(idArg),
        version: t.arg.int(versionArg),
        note: t.arg.string({ description: 'A note for the timeline.', validate: optionalNote }),
      },
      resolve: (query, _root, args, ctx, info) =>
        runMutation(ctx, info, (w) => run(w, decodeId(args.id, 'Task'), args.version, args.note ?? null, query)),
    });

  /** A step that needs a reason, which the unit sees on the task. */
  const reasonStep = (description: string, step: TaskStep, run: typeof returnTask) =>
    t.prismaField({
      type: 'Task',
      description,
      authScopes: scopesOf(step),
      args: {
        id: t.arg.id(idArg),
        version: t.arg.int(versionArg),
        reason: t.arg.string({ required: true, description: 'Why; shown to the unit.', validate: note }),
      },
      resolve: (query, _root, args, ctx, info) =>
        runMutation(ctx, info, (w) => run(w, decodeId(args.id, 'Task'), args.version, args.reason, query)),
    });

  return {
    startTask: noteStep('NOT_STARTED → IN_PROGRESS. The head of the lead unit or the secretariat.', 'START', startTask),
    reportProgress: t.prismaField({
      type: 'Task',
      description:
        'Reports progress (percent) and/or what was done, while the task is with the unit (not started, in progress or returned); progress above 0 starts a task not yet started. The head of the lead unit or the secretariat.',
      authScopes: scopesOf('REPORT_PROGRESS'),
      args: {
        id: t.arg.id(idArg),
        version: t.arg.int(versionArg),
        progress: t.arg.int({
          description: 'Progress in percent, 0 to 100.',
          validate: z.number().int().min(0, 'Progress is at least 0').max(100, 'Progress is at most 100').nullish(),
        }),
        note: t.arg.string({
          description: 'What was done; required when progress does not change.',
          validate: optionalNote,
        }),
      },
      resolve: (query, _root, args, ctx, info) =>
        runMutation(ctx, info, (w) =>
          reportProgress(w, decodeId(args.id, 'Task'), args.version, args.progress ?? null, args.note ?? null, query),
        ),
    }),
    submitTask: noteStep(
      'IN_PROGRESS or RETURNED → SUBMITTED for review; needs at least one piece of evidence that was not rejected. The head of the lead unit or the secretariat.',
      'SUBMIT',
      submitTask,
    ),
    approveTask: noteStep(
      'SUBMITTED → COMPLETED. The task counts as completed on the day it was submitted. The committee or the secretariat.',
      'APPROVE',
      approveTask,
    ),
    returnTask: reasonStep(
      'SUBMITTED → RETURNED to the unit with a reason. The committee or the secretariat.',
      'RETURN',
      returnTask,
    ),
    cancelTask: reasonStep('Any open status → CANCELLED with a reason. The secretariat only.', 'CANCEL', cancelTask),
    commentOnTask: t.prismaField({
      type: 'TaskEvent',
      description:
        "Adds a comment to a task's timeline. The committee, the secretariat, and the heads of the lead and supporting units.",
      authScopes: scopesOf('COMMENT'),
      args: {
        id: t.arg.id(idArg),
        note: t.arg.string({ required: true, description: 'The comment.', validate: note }),
      },
      resolve: async (query, _root, args, ctx, info) => {
        const event = await runMutation(ctx, info, (w) => commentOnTask(w, decodeId(args.id, 'Task'), args.note));
        return ctx.prisma.taskEvent.findUniqueOrThrow({ ...query, where: { id: event.id } });
      },
    }),
  };
});
