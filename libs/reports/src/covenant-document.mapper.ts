import type { CovenantView } from '#app/covenants';
import type { CovenantDocument, Signatory } from '#app/documents';

/** Every party of the covenant: the signatures, then the roster members that have not signed yet. */
export function signatoriesOf(covenant: CovenantView): Signatory[] {
  return [
    ...covenant.signatures.map(
      (s): Signatory => ({
        organizationName: s.organizationName,
        role: s.role === 'witness' ? 'witness' : (s.rosterRole ?? 'member'),
        signerTitle: s.signerTitle,
        signerName: s.signerName,
        signedAt: s.signedAt,
      }),
    ),
    ...covenant.awaiting.map((a): Signatory => ({ organizationName: a.name, role: a.role, signerTitle: null, signerName: null, signedAt: null })),
  ];
}

/** The latest moment the printed covenant changed: it dates the PDF, so that a state prints the same bytes. */
export function lastChange(covenant: CovenantView): Date {
  const times = [covenant.updatedAt, covenant.openedAt, covenant.inForceAt, ...covenant.signatures.map((s) => s.signedAt)];
  return new Date(Math.max(...times.filter((t): t is Date => t !== null).map((t) => new Date(t).getTime())));
}

export function covenantDocument(covenant: CovenantView, verificationUrl: (code: string) => string): CovenantDocument {
  return {
    id: covenant.id,
    version: covenant.version,
    issuedAt: lastChange(covenant),
    issuer: covenant.blocName,
    year: covenant.year,
    title: covenant.title,
    theme: covenant.theme,
    preamble: covenant.preamble,
    place: covenant.place,
    signingDate: covenant.signingDate,
    status: covenant.status,
    targets: covenant.targets.map((t) => ({ number: t.number, title: t.title, description: t.description, movement: t.movement, indicator: t.indicator })),
    signatories: signatoriesOf(covenant),
    contentHash: covenant.contentHash,
    verification: covenant.verificationCode ? { code: covenant.verificationCode, url: verificationUrl(covenant.verificationCode) } : null,
  };
}
