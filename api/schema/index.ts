// Every schema file registers its types on the builder when imported; this file only gathers them.
import { builder } from '../builder.ts';
import { describeSchema } from './descriptions.ts';
import { syncNodeIds } from './node-ids.ts';
import './account.ts';
import './audit-entry.ts';
import './deadline-extension.ts';
import './evidence.ts';
import './headship.ts';
import './improvement-plan.ts';
import './index-analytics.ts';
import './index-framework.ts';
import './index-import.ts';
import './index-result.ts';
import './objective.ts';
import './person.ts';
import './reform-area.ts';
import './resolution.ts';
import './satisfaction-result.ts';
import './target.ts';
import './task-event.ts';
import './task.ts';
import './task-aggregates.ts';
import './task-workflow.ts';
import './unit.ts';

export const schema = syncNodeIds(describeSchema(builder.toSchema({ sortSchema: true })));
