// The shape every workflow's rule table shares: for each step, who may take it and from which states.
// The services enforce a table, the API's allowedActions fields show it, and the mutations' scopes
// are derived from it (schema/access.ts, rolesFor), so the three cannot disagree.

/** One step: the parties that may take it, the states it starts from, and the state it moves to. */
export interface Rule<Party extends string, State extends string> {
  parties: readonly Party[];
  /** Empty for a step that creates the object. */
  from: readonly State[];
  to?: State;
}

export type Rules<Action extends string, Party extends string, State extends string> = Record<
  Action,
  Rule<Party, State>
>;

/** The steps, in the table's order, that the party may take from the state. */
export function allowedActions<Action extends string, Party extends string, State extends string>(
  rules: Rules<Action, Party, State>,
  party: Party,
  state: State,
): Action[] {
  return (Object.keys(rules) as Action[]).filter(
    (action) => rules[action].parties.includes(party) && rules[action].from.includes(state),
  );
}
