import { parseArgs } from 'node:util';
import { systemClock } from '../clock.js';
import { inviteMedewerker } from '../web/accounts/invite-medewerker.js';
import { datumTijd } from '../web/format.js';
import { webRollen } from '../web/web-roles.js';
import type { CliContext } from './cli-context.js';
import { UsageError } from './partners-command.js';

export const medewerkersUsage = `knooppunt medewerkers <subcommand>
  uitnodigen --partner <id> --rol <${webRollen.join('|')}> --naam <naam> [--oidc-sub <sub>]
                                         a new employee and a one-time enrolment link (72 hours) for a passkey;
                                         --oidc-sub: the \`sub\` its sign-in at the organisation's OIDC provider has
  list --partner <id>                    the employees of a partner`;

/** `knooppunt medewerkers …`: staff accounts of the web application, through the same use case as the first-run link. */
export async function medewerkersCommand(args: string[], ctx: CliContext): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      partner: { type: 'string' },
      rol: { type: 'string' },
      naam: { type: 'string' },
      'oidc-sub': { type: 'string' },
    },
  });
  if (sub === 'uitnodigen') {
    if (!values.partner || !values.rol || !values.naam) throw new UsageError(medewerkersUsage);
    const invited = await inviteMedewerker(
      { store: ctx.store, clock: systemClock },
      { partnerId: values.partner, rol: values.rol, pseudoniem: values.naam },
    );
    if (values['oidc-sub']) await ctx.store.medewerkers.setOidcSubject(invited.medewerkerId, values['oidc-sub']);
    ctx.out(`medewerker ${invited.medewerkerId} (${values.rol} bij ${values.partner})`);
    ctx.out(`eenmalige link, geldig tot ${datumTijd(invited.verlooptOp)}:`);
    ctx.out(`  ${ctx.config.web.origin}/uitnodiging/${invited.token}`);
    return 0;
  }
  if (sub === 'list') {
    if (!values.partner) throw new UsageError(medewerkersUsage);
    for (const m of await ctx.store.medewerkers.byPartner(values.partner))
      ctx.out(`${m.id}  ${m.rol.padEnd(18)}  ${m.status.padEnd(8)}  ${m.pseudoniem}`);
    return 0;
  }
  throw new UsageError(medewerkersUsage);
}
