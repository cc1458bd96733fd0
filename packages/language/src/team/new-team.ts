import type { LocaleSetting } from '../i18n/locale.js';
import { toPlainText } from '../model/skeleton-text.js';
import type { AppliedProtocol } from './applied-protocol.js';

/** Escapes the characters a snippet reserves (`$`, `}`, `\`) in literal text. */
const literal = (text: string) => text.replace(/[\\$}]/g, match => `\\${match}`);
const quoted = (text: string) => text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');

/**
 * A new team file for a protocol, as an LSP snippet: the declaration's sections in the order of the
 * form, one member to fill per profession the protocol allows in each role (délégants first), the
 * protocol's trainings under each délégué, and the sworn statements. `coop nouveau equipe` writes
 * its plain text (placeholders replaced by their defaults); the editor inserts the snippet.
 */
export function newTeamSnippet(protocol: AppliedProtocol, locale: LocaleSetting, today?: string): string {
    const t = (fr: string, en: string) => locale.pick({ fr, en });
    let n = 0;
    const p = (text: string) => `\${${++n}:${literal(text)}}`;
    const start = today ?? '2025-01-01';
    const settings = protocol.settings?.map(setting => setting.value) ?? [];
    const kinds = settings.length > 0 ? [...new Set(settings)] : ['msp', 'centre-de-santé', 'cpts', 'esp', 'établissement'];
    const lines = [
        `// ${t('Déclaration d\'équipe', 'Team declaration')} : ${literal(protocol.title)}`,
        `// ${t('Données personnelles des professionnels (jamais de patients) ; rien n\'est envoyé nulle part.', 'Personal data of professionals (never patients); nothing is sent anywhere.')}`,
        `équipe "${p(t('Nom de l\'équipe', 'Team name'))}" applique ${protocol.code.includes(' ') ? `"${quoted(protocol.code)}"` : literal(protocol.code)} {`,
        `    structure "${p(t('Nom de la structure', 'Structure name'))}" type \${${++n}|${kinds.join(',')}|} finess ${p('000000000')}`,
        `    référent "${p(t('Prénom Nom', 'First Last'))}" qualité "${p(t('Coordinateur', 'Coordinator'))}" contact "${p(t('courriel', 'email'))}"`,
        `    représentant "${p(t('Prénom Nom', 'First Last'))}" qualité "${p(t('Représentant légal', 'Legal representative'))}" contact "${p(t('courriel', 'email'))}"`,
        `    début ${p(start)}`,
        `    date ${p(start)}`,
        ''
    ];
    const member = (profession: string, role: 'délégant' | 'délégué') => {
        lines.push(`    membre "${p(t('Nom', 'Last name'))}" "${p(t('Prénom', 'First name'))}" : ${literal(profession)} ${role} {`);
        lines.push(`        rpps ${p('10000000000')}`);
        lines.push(`        engagement ${p(start)}`);
        if (role === 'délégué') {
            const trainings = protocol.trainings.filter(training => training.professions.size === 0 || training.professions.has(profession));
            for (const training of trainings.length > 0 ? trainings : [{ name: 'formation-du-protocole' }]) {
                lines.push(`        formation ${literal(training.name)} le ${p(start)} "${p(t('Organisme, attestation', 'Provider, certificate'))}"`);
            }
        }
        lines.push('    }');
    };
    // A profession whose part of the protocol became ordinary law by the start date is left out.
    const transferred = new Map(protocol.transfers.filter(transfer => transfer.date <= start).map(transfer => [transfer.profession, transfer.date]));
    for (const profession of protocol.delegants.size > 0 ? protocol.delegants : new Set(['médecin'])) member(profession, 'délégant');
    for (const profession of protocol.delegues.size > 0 ? protocol.delegues : new Set(['infirmier'])) {
        const since = transferred.get(profession);
        if (since) lines.push(`    // ${literal(profession)} : ${t(`actes dans le droit commun depuis le ${since.split('-').reverse().join('/')}, hors protocole`, `acts under ordinary law since ${since}, outside the protocol`)}`);
        else member(profession, 'délégué');
    }
    lines.push('', '    attestations {', '        adhésion-volontaire', '        travail-en-équipe',
        `        ${protocol.kind === 'national' ? 'projet-de-santé' : 'avis-obtenus'} du ${p(start)} "${p(t('Décision ou avis obtenu', 'Decision or opinion obtained'))}"`, '    }', '}', '');
    return lines.join('\n');
}

/** The same team file as plain text (placeholders replaced by their defaults). */
export function newTeamText(protocol: AppliedProtocol, locale: LocaleSetting, today?: string): string {
    return toPlainText(newTeamSnippet(protocol, locale, today)).replace(/\\([\\$}])/g, '$1');
}
