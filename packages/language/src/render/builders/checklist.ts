import { AstUtils, type AstNode } from 'langium';
import type { Localized } from '../../i18n/locale.js';
import { hasContent } from '../../model/placeholders.js';
import { computeConformity, STATUS_LABELS } from '../../rules/conformity.js';
import { RULES } from '../../rules/index.js';
import type { Rule } from '../../rules/rule.js';
import type { RequirementId } from '../../rules/requirements.js';
import type { Section, TableRow } from '../model-types.js';
import { messageText } from '../model-text.js';
import type { ModelContext } from './context.js';
import { REQUIREMENT_SECTIONS } from './conformity.js';

/**
 * What only a human can judge for each requirement (../shared/domain/README.md §2–§5): the tool
 * checks that the text is there and consistent, the reviewer that it is right.
 */
const HUMAN_POINTS: Record<RequirementId, Localized[]> = {
    rbp: [{ fr: 'Les recommandations citées sont les plus récentes et s\'appliquent à la situation clinique.', en: 'The cited recommendations are the latest and apply to the clinical situation.' }],
    actes: [{ fr: 'Chaque acte dérogatoire relève bien de la compétence du délégant et son périmètre est précis.', en: 'Each derogating act belongs to the delegating professional\'s competence and its scope is precise.' }],
    patients: [{ fr: 'Les critères écrits en texte libre sont vérifiables par le délégué au moment de la prise en charge.', en: 'Criteria written in prose can be checked by the delegate at the time of care.' }],
    qualification: [{ fr: 'Les qualifications exigées correspondent aux actes délégués.', en: 'The required qualifications match the delegated acts.' }],
    formation: [{ fr: 'Le programme, sa durée et la validation suffisent pour les actes couverts.', en: 'The programme, its length and validation suffice for the acts covered.' }],
    arbres: [{ fr: 'Les conditions des arbres sont cliniquement justes et couvrent les situations rencontrées.', en: 'The trees\' conditions are clinically sound and cover the situations met.' }],
    parcours: [{ fr: 'Le médecin traitant et les autres professionnels reçoivent l\'information utile, à temps.', en: 'The attending physician and other professionals receive the useful information in time.' }],
    reorientation: [{ fr: 'Les délais de réorientation sont adaptés à la gravité de chaque situation.', en: 'Referral delays fit the severity of each situation.' }],
    information: [{ fr: 'Le document d\'information est compréhensible et dit comment refuser.', en: 'The information document is understandable and says how to refuse.' }],
    donnees: [{ fr: 'Les outils de partage sont sécurisés et accessibles à toute l\'équipe.', en: 'The sharing tools are secure and available to the whole team.' }],
    disponibilite: [{ fr: 'La disponibilité annoncée est réaliste (horaires, remplacements, congés).', en: 'The stated availability is realistic (hours, cover, leave).' }],
    risques: [{ fr: 'Les risques identifiés sont les bons et leurs mesures de maîtrise sont appliquées.', en: 'The identified risks are the right ones and their mitigations are applied.' }],
    responsabilite: [{ fr: 'Les attestations d\'assurance des professionnels sont jointes ou disponibles.', en: 'The professionals\' insurance certificates are attached or available.' }],
    organisation: [{ fr: 'Le lieu et l\'équipement permettent la confidentialité et la sécurité des soins.', en: 'The place and equipment allow confidential and safe care.' }],
    indicateurs: [{ fr: 'Les indicateurs pourront être recueillis avec les outils de l\'équipe.', en: 'The indicators can be collected with the team\'s tools.' }],
    cadre: [{ fr: 'Les avis et la décision existent sous forme écrite, datés et signés.', en: 'The opinions and decision exist in writing, dated and signed.' }]
};

const TEXTS: Record<string, Localized> = {
    title: { fr: 'Grille de relecture', en: 'Reviewer checklist' },
    requirement: { fr: 'Exigence', en: 'Requirement' },
    status: { fr: 'État', en: 'Status' },
    verified: { fr: 'Vérifié par l\'outil', en: 'Checked by the tool' },
    human: { fr: 'À juger par le relecteur', en: 'For the reviewer to judge' },
    text: { fr: 'Texte du protocole', en: 'Text of the protocol' },
    none: { fr: 'Non renseigné.', en: 'Not provided.' },
    finding: { fr: 'Constat : ', en: 'Finding: ' },
    point: { fr: 'À lire : ', en: 'To read: ' }
};

/** Properties that hold no prose of the authors. */
const NOT_PROSE = new Set(['name', 'regle', 'url', 'fichier', 'operateur']);
const MAX_TEXTS = 6;
const MAX_LENGTH = 240;

/** The authors' own prose in the elements that answer a requirement, as they wrote it. */
function protocolTexts(nodes: AstNode[]): string[] {
    const texts: string[] = [];
    for (const element of nodes) {
        for (const node of AstUtils.streamAst(element)) {
            if (node.$type === 'Suppression') continue;
            for (const [property, value] of Object.entries(node)) {
                if (property.startsWith('$') || NOT_PROSE.has(property)) continue;
                for (const text of typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []) {
                    // Keyword values (« national », « oral ») are one word; prose has spaces.
                    if (!/\s/.test(text.trim()) || !hasContent(text)) continue;
                    const clean = text.replace(/\s+/g, ' ').trim();
                    texts.push(clean.length > MAX_LENGTH ? `${clean.slice(0, MAX_LENGTH - 1)}…` : clean);
                    if (texts.length >= MAX_TEXTS) return texts;
                }
            }
        }
    }
    return texts;
}

/**
 * The reviewer checklist: for each requirement, its status, what the tool verified (the titles of
 * its rules and their findings), what only a human can judge (the fixed points above and the
 * findings of `review: true` rules), with the protocol's own text beside them.
 */
export function buildChecklist(ctx: ModelContext, sections: Section[]): Section {
    const pick = (text: Localized) => text[ctx.locale];
    const conformity = computeConformity(ctx.diagnostics, ctx.suppressed, ctx.protocole);
    const rows: TableRow[] = conformity.items.map(item => {
        const id = item.requirement.id as RequirementId;
        const checked = (RULES as readonly Rule[]).filter(rule => rule.requirement === id && !rule.review).map(rule => pick(rule.title));
        const findings = item.diagnostics.map(d => pick(TEXTS.finding) + messageText(d));
        const points = [...HUMAN_POINTS[id].map(pick), ...item.review.map(d => pick(TEXTS.point) + messageText(d))];
        const nodes = (REQUIREMENT_SECTIONS[id] ?? []).flatMap(type => ctx.model.all(type));
        const texts = protocolTexts(nodes);
        return {
            cells: [
                `${pick(item.requirement.title)} (${item.requirement.legalBasis})`,
                capitalize(pick(STATUS_LABELS[item.status])),
                [...new Set([...findings, ...checked])],
                [...new Set(points)],
                texts.length > 0 ? texts : pick(TEXTS.none)
            ],
            line: nodes[0]?.$cstNode?.range.start.line ?? ctx.protocolLine,
            notes: []
        };
    });
    return {
        id: 'Checklist',
        number: sections.length + 1,
        title: pick(TEXTS.title),
        empty: false,
        blocks: [{
            type: 'table', role: 'data',
            columns: [pick(TEXTS.requirement), pick(TEXTS.status), pick(TEXTS.verified), pick(TEXTS.human), pick(TEXTS.text)],
            widths: [18, 10, 26, 22, 24],
            rows, line: ctx.protocolLine, notes: []
        }],
        line: ctx.protocolLine,
        notes: []
    };
}

function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
