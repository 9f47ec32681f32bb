import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { JWK } from 'jose';
import type { CliContext } from './cli-context.js';

export const partnersUsage = `knooppunt partners <subcommand>
  list                                   all partners
  show <id>                              one partner with certificates and keys
  add --id <id> --naam <naam> --oin <20 cijfers> --soort <soort> --regime <AVG|Wpg|Wjsg|Jeugdwet>
      [--contact-naam <naam>] [--contact-email <adres>] [--assertie-zonder-certificaat]
  suspend <id> | resume <id>             refuse / allow the partner from now on
  add-cert <id> <cert.pem>               register a client certificate (OIN must match)
  revoke-cert <id> <sha256-fingerprint>  refuse that certificate from now on
  add-key <id> <jwk.json>                register a public key for client assertions
  revoke-key <id> <kid>
  bearer-allow <id> | bearer-deny <id>   allow / forbid token exchange without the client certificate
  Add --json to list/show for machine-readable output.`;

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
}

/** `knooppunt partners …`: the registry from the command line, through the same use cases as the admin API. */
export async function partnersCommand(args: string[], ctx: CliContext): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      id: { type: 'string' },
      naam: { type: 'string' },
      oin: { type: 'string' },
      soort: { type: 'string' },
      regime: { type: 'string' },
      'contact-naam': { type: 'string' },
      'contact-email': { type: 'string' },
      'assertie-zonder-certificaat': { type: 'boolean' },
    },
  });
  const need = (n: number) => {
    if (positionals.length < n) throw new UsageError(partnersUsage);
    return positionals;
  };
  switch (sub) {
    case 'list': {
      const partners = await ctx.admin.list();
      if (values.json) ctx.out(JSON.stringify(partners, null, 2));
      else
        for (const line of table([
          ['ID', 'NAAM', 'SOORT', 'REGIME', 'OIN', 'STATUS'],
          ...partners.map((p) => [p.id, p.naam, p.soort, p.regime, p.oin, p.status]),
        ]))
          ctx.out(line);
      return 0;
    }
    case 'show': {
      const detail = await ctx.admin.show(need(1)[0]!);
      if (values.json) {
        ctx.out(JSON.stringify(detail, null, 2));
        return 0;
      }
      const p = detail.partner;
      ctx.out(`${p.id}  ${p.naam}  (${p.soort}, ${p.regime}, OIN ${p.oin})  ${p.status}`);
      for (const c of detail.certificaten)
        ctx.out(
          `  certificaat ${c.fingerprint}  geldig ${c.geldigVanaf.toISOString().slice(0, 10)} – ${c.geldigTot.toISOString().slice(0, 10)}${c.ingetrokkenOp ? '  INGETROKKEN' : ''}`,
        );
      for (const k of detail.sleutels) ctx.out(`  sleutel ${k.kid}${k.ingetrokkenOp ? '  INGETROKKEN' : ''}`);
      return 0;
    }
    case 'add': {
      if (!values.id || !values.naam || !values.oin || !values.soort || !values.regime)
        throw new UsageError(partnersUsage);
      const p = await ctx.admin.register(
        {
          id: values.id,
          naam: values.naam,
          oin: values.oin,
          soort: values.soort,
          regime: values.regime,
          contactNaam: values['contact-naam'],
          contactEmail: values['contact-email'],
          assertieZonderCertificaat: values['assertie-zonder-certificaat'] === true,
        },
        ctx.actor,
      );
      ctx.out(`partner ${p.id} toegevoegd`);
      return 0;
    }
    case 'suspend':
    case 'resume': {
      const p = await ctx.admin.setStatus(need(1)[0]!, sub === 'suspend' ? 'geschorst' : 'actief', ctx.actor);
      ctx.out(`partner ${p.id} is ${p.status}`);
      return 0;
    }
    case 'bearer-allow':
    case 'bearer-deny': {
      const p = await ctx.admin.setAssertionWithoutCertificate(need(1)[0]!, sub === 'bearer-allow', ctx.actor);
      ctx.out(`partner ${p.id}: token zonder certificaat ${p.assertieZonderCertificaat ? 'toegestaan' : 'geweigerd'}`);
      return 0;
    }
    case 'add-cert': {
      const [id, file] = need(2);
      const c = await ctx.admin.addCertificate(id!, readFileSync(file!, 'utf8'), ctx.actor);
      ctx.out(`certificaat ${c.fingerprint} geregistreerd voor ${id}`);
      return 0;
    }
    case 'revoke-cert': {
      const [id, fingerprint] = need(2);
      await ctx.admin.revokeCertificate(id!, fingerprint!, ctx.actor);
      ctx.out(`certificaat ${fingerprint} ingetrokken`);
      return 0;
    }
    case 'add-key': {
      const [id, file] = need(2);
      const { kid } = await ctx.admin.addKey(id!, JSON.parse(readFileSync(file!, 'utf8')) as JWK, ctx.actor);
      ctx.out(`sleutel ${kid} geregistreerd voor ${id}`);
      return 0;
    }
    case 'revoke-key': {
      const [id, kid] = need(2);
      await ctx.admin.revokeKey(id!, kid!, ctx.actor);
      ctx.out(`sleutel ${kid} ingetrokken`);
      return 0;
    }
    default:
      throw new UsageError(partnersUsage);
  }
}

/** Wrong arguments: print the usage, exit 2. */
export class UsageError extends Error {}
