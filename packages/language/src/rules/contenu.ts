import { AstUtils, GrammarUtils, type AstNode } from 'langium';
import { isProtocole, isSuppression, type Protocole } from '../generated/ast.js';
import type { Localized } from '../i18n/locale.js';
import { nodeKind } from '../model/node-kinds.js';
import { isPlaceholderName, placeholderReason, type PlaceholderReason } from '../model/placeholders.js';
import { defineRule } from './rule.js';
import type { RequirementId } from './requirements.js';

/** Properties that hold no prose: names and codes are checked apart, links and keywords never. */
const NOT_PROSE = new Set(['name', 'regle', 'url', 'fichier', 'operateur']);

/** Keywords of the fields whose property name is written without accents. */
const FIELD_KEYWORDS: Record<string, string> = {
    modalites: 'modalités', tracabilite: 'traçabilité', denominateur: 'dénominateur', numerateur: 'numérateur',
    definition: 'définition', qualite: 'qualité', integration: 'intégration', specialites: 'spécialité',
    qualifications: 'qualification', transmissions: 'transmission', medecinTraitant: 'médecin-traitant',
    maitrise: 'maîtrise', libelle: 'libellé', titre: 'titre', nom: 'nom', texte: 'texte', experienceDetail: 'expérience',
    accordDetail: 'accord', detail: 'détail', programme: 'programme', condition: 'condition', motif: 'motif'
};

const REASONS: Record<PlaceholderReason | 'nom', Localized> = {
    vide: { fr: 'le texte est vide', en: 'the text is empty' },
    ponctuation: { fr: 'il ne contient que de la ponctuation', en: 'it holds punctuation only' },
    mention: { fr: 'c\'est une mention provisoire', en: 'it is a provisional mention' },
    modele: { fr: 'c\'est le texte du modèle inséré', en: 'it is the inserted template text' },
    nom: { fr: 'c\'est le nom laissé par le squelette', en: 'it is the name the skeleton left' }
};

/**
 * The requirement a text serves: that of the protocol element holding it (model/node-kinds.ts).
 * The protocol's identification (title, identifier, version, promoters, theme, context,
 * objectives, annexes) serves no article of R.4011-1; it is counted under `cadre` (type, setting
 * and decision), so that a skeleton left unedited never shows a full badge.
 */
function requirementOf(node: AstNode): RequirementId {
    let element: AstNode | undefined = node;
    while (element?.$container && !isProtocole(element.$container)) element = element.$container;
    return (element && !isProtocole(element) ? nodeKind(element.$type)?.requirement : undefined) ?? 'cadre';
}

function whereOf(node: AstNode, property: string, locale: { pick(text: Localized): string }): string {
    let element: AstNode | undefined = node;
    while (element?.$container && !isProtocole(element.$container)) element = element.$container;
    const section = isProtocole(node) ? locale.pick({ fr: 'protocole', en: 'protocol' }) : locale.pick(nodeKind(element?.$type ?? '')?.label ?? { fr: 'rubrique', en: 'section' }).toLowerCase();
    // `valeur` is the section's one text (« lieu "…" »): the section names it.
    if (property === 'valeur') return section;
    return `${section}, ${FIELD_KEYWORDS[property] ?? property}`;
}

/**
 * Content of the sections (every requirement): a text still empty, punctuation only, a
 * provisional mention or the skeleton's own text counts as absent, and so does a name left by a
 * skeleton (`nom`, `PC-NOM`). The finding counts in the requirement of the section it sits in
 * (`data.requirement`, read by rules/conformity.ts).
 */
export const contenuRules = [
    defineRule({
        code: 'texte-a-completer', severity: 'error', category: 'completude', legalBasis: 'R.4011-1 ; L.4011-2', basis: 'inference',
        title: { fr: 'Texte à compléter (vide, provisoire ou texte du modèle)', en: 'Text to complete (empty, provisional or template text)' },
        message: {
            fr: 'Remplacez « {texte} » ({where}) : {reason} ; la rubrique compte comme absente tant qu\'elle ne dit rien du protocole.',
            en: 'Replace "{texte}" ({where}): {reason}; the section counts as absent until it says something about the protocol.'
        },
        rationale: {
            fr: 'Un relecteur ne lit pas « À compléter », « TODO » ou le texte d\'un squelette comme une réponse à l\'exigence : la rubrique est présente mais ne dit rien. L\'outil la compte comme absente (lecture déduite des exigences du décret).',
            en: 'A reviewer does not read "À compléter", "TODO" or a skeleton\'s text as an answer to the requirement: the section is present but says nothing. The tool counts it as absent (inferred reading).'
        },
        fix: { fr: 'Écrivez le texte propre au protocole à la place du texte indiqué.', en: 'Write the protocol\'s own text instead of the text shown.' },
        checks: ({ locale }) => ({
            Protocole: (protocole: Protocole, report) => {
                for (const node of AstUtils.streamAst(protocole)) {
                    if (isSuppression(node)) continue;
                    if ('name' in node && typeof node.name === 'string' && isPlaceholderName(node.name)) {
                        report(node, { texte: node.name, where: whereOf(node, 'nom', locale), reason: locale.pick(REASONS.nom) }, { property: 'name' as never, data: { requirement: requirementOf(node) } });
                    }
                    if (node.$type === 'Identifiant') {
                        const valeur = (node as unknown as { valeur?: string }).valeur;
                        if (isPlaceholderName(valeur) || placeholderReason(valeur)) {
                            report(node, { texte: valeur ?? '', where: locale.pick({ fr: 'identifiant', en: 'identifier' }), reason: locale.pick(REASONS[placeholderReason(valeur) ?? 'nom']) }, { property: 'valeur' as never, data: { requirement: 'cadre' } });
                        }
                        continue;
                    }
                    for (const [property, value] of Object.entries(node)) {
                        if (property.startsWith('$') || NOT_PROSE.has(property)) continue;
                        const values = typeof value === 'string' ? [value] : Array.isArray(value) && value.every(item => typeof item === 'string') ? value as string[] : [];
                        // The CST is read (writtenAsText) only for a value that reads as a placeholder:
                        // this check runs over every node at each keystroke.
                        if (!values.some(text => placeholderReason(unquote(text))) || !writtenAsText(node, property)) continue;
                        values.forEach((text, index) => {
                            const reason = placeholderReason(unquote(text));
                            if (!reason) return;
                            report(node, { texte: unquote(text).trim() || '""', where: whereOf(node, property, locale), reason: locale.pick(REASONS[reason]) },
                                { property: property as never, ...(Array.isArray(value) ? { index } : {}), data: { requirement: requirementOf(node) } });
                        });
                    }
                }
            }
        })
    })
] as const;

/**
 * Whether the property is written as a text between quotes ("…" or """…"""): keyword values
 * (an operator `=`, a unit, a list value) are the language's own words, never a text to complete.
 */
function writtenAsText(node: AstNode, property: string): boolean {
    const nodes = GrammarUtils.findNodesForProperty(node.$cstNode, property);
    return nodes.length > 0 && nodes.every(cst => cst.text.trimStart().startsWith('"'));
}

/** The value converter strips quotes; a text block keeps none either. Defensive for partial trees. */
function unquote(text: string): string {
    return text.replace(/^"""([\s\S]*)"""$/, '$1');
}
