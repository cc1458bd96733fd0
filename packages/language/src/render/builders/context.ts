import { AstUtils, type AstNode, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import {
    isBibliotheque, isDelegant, isRessource, type Cible, type Delegant, type Duree, type ElementProtocole, type Etape, type Externe, type Intervenant,
    type Periodicite, type Protocole, type Quantite, type Ressource, type Risque
} from '../../generated/ast.js';
import type { Locale, Localized } from '../../i18n/locale.js';
import { protocolModel, type ProtocolModel } from '../../model/protocol-model.js';
import type { SuppressedDiagnostic } from '../../validation/suppressed-diagnostics.js';
import { comparatorSymbol, formatNumber, formatQuantity, KIND, label, valueLabel, type LabelKey } from '../labels.js';
import type { Anchored, Block, Cell, Content, DocumentHeader, Field, FieldsBlock, GroupBlock, Note, ProseBlock, TreeRisk } from '../model-types.js';
import { escapeMarkdown, isDefined, md } from '../model-text.js';

// What every section builder shares: the protocol, the chosen language, the anchors that place
// each diagnostic next to the element it concerns, and the small phrasing helpers (names, delays,
// quantities, targets) that turn AST values into the reader's words — never « undefined ».

export type ElementType = ElementProtocole['$type'];

/** « Médecin » → « médecin », but « SAMU » stays. */
function lowerFirstWord(text: string): string {
    return /^\p{Lu}\p{Ll}/u.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

function upperFirstWord(text: string): string {
    return text.length > 0 ? text[0].toUpperCase() + text.slice(1) : text;
}

/** The blocks of one section, and the nodes whose diagnostics it shows. */
export interface SectionContent {
    blocks: Block[];
    /** Nodes whose first line is the section's line. */
    nodes: AstNode[];
}

export class ModelContext {
    readonly model: ProtocolModel;
    readonly protocolLine: number;
    /** Where the diagnostics on a node (or inside it) are shown. */
    readonly anchors = new Map<AstNode, Note[]>();
    /** The notes of each section, by AST type, for diagnostics that name a section. */
    readonly sectionNotes = new Map<string, Note[]>();
    readonly stepNumbers = new Map<Etape, number>();
    readonly header: DocumentHeader;

    constructor(
        readonly document: LangiumDocument,
        readonly protocole: Protocole,
        readonly locale: Locale,
        readonly diagnostics: Diagnostic[],
        readonly suppressed: SuppressedDiagnostic[]
    ) {
        this.model = protocolModel(protocole);
        this.protocolLine = protocole.$cstNode?.range.start.line ?? 0;
        this.header = { kicker: this.t('kicker'), title: protocole.titre?.trim() || this.t('untitled'), fields: [], line: this.protocolLine, notes: [] };
        this.anchors.set(protocole, this.header.notes);
        this.model.etapes.forEach((etape, index) => this.stepNumbers.set(etape, index + 1));
    }

    t(key: LabelKey, args: Record<string, string | number> = {}): string {
        return label(this.locale, key, args);
    }

    /** « text » in French, "text" in English. */
    quote(text: string | undefined): string {
        return this.t('quoted', { text: text ?? '' });
    }

    /**
     * What the reader sees for an element the authors gave no title or libellé: « Étape sans
     * intitulé ». Never its short name (`mg`, `accueil`): internal names stay in the source.
     */
    nameOf(_name: string | undefined, kind: Localized): string {
        return this.t('noTitle', { kind: kind[this.locale] });
    }

    line(node: AstNode | undefined): number {
        return node?.$cstNode?.range.start.line ?? this.protocolLine;
    }

    /** Registers `item` as the place where diagnostics on `node` (or inside it) are shown. */
    anchor<T extends Anchored>(node: AstNode | undefined, item: T): T {
        if (node && !this.anchors.has(node)) this.anchors.set(node, item.notes);
        return item;
    }

    field(labelKey: LabelKey, value: Cell | undefined, node?: AstNode): Field | undefined {
        if (value === undefined || (Array.isArray(value) && value.length === 0)) return undefined;
        return { label: this.t(labelKey), value, line: this.line(node), notes: [] };
    }

    fields(node: AstNode, entries: Array<Field | undefined>, title?: string): FieldsBlock | undefined {
        const fields = entries.filter((entry): entry is Field => entry !== undefined);
        if (fields.length === 0) return undefined;
        return this.anchor<FieldsBlock>(node, { type: 'fields', ...(title ? { title } : {}), fields, line: this.line(node), notes: [] });
    }

    duration(duree: Duree | undefined): string | undefined {
        if (!duree || typeof duree.valeur !== 'number' || !Number.isFinite(duree.valeur)) return undefined;
        return formatQuantity(this.locale, duree.valeur, duree.unite);
    }

    delay(duree: Duree | undefined): string | undefined {
        const duration = this.duration(duree);
        if (duration === undefined) return undefined;
        return duree?.valeur === 0 ? this.t('immediately') : this.t('within', { delay: duration });
    }

    quantity(quantite: Quantite | undefined): string | undefined {
        return quantite && typeof quantite.valeur === 'number' && Number.isFinite(quantite.valeur) ? formatQuantity(this.locale, quantite.valeur, quantite.unite) : undefined;
    }

    periodicity(periodicite: Periodicite | undefined): string | undefined {
        if (!periodicite) return undefined;
        if (periodicite.valeur) return valueLabel(this.locale, 'periodicite', periodicite.valeur);
        const every = this.duration(periodicite.intervalle);
        if (!every) return undefined;
        return this.t('every', { every });
    }

    target(cible: Cible | undefined): Content | undefined {
        if (!cible) return undefined;
        if (cible.texte !== undefined) return md(cible.texte);
        if (typeof cible.valeur !== 'number' || !Number.isFinite(cible.valeur)) return undefined;
        const value = `${cible.operateur ? comparatorSymbol(cible.operateur) + ' ' : ''}${formatNumber(this.locale, cible.valeur)}${cible.pourcent ? ' %' : ''}`;
        return cible.commentaire ? { markdown: `${escapeMarkdown(value)} — ${cible.commentaire}` } : value;
    }

    /**
     * The profession of a délégant or délégué in words, from the catalogue's libellé and the first
     * spécialité: « médecin généraliste », « médecin spécialiste en endocrinologie », « infirmier ».
     */
    professionNoun(intervenant: Intervenant | undefined, written?: string): string {
        const profession = intervenant?.profession?.ref?.libelle ?? intervenant?.profession?.$refText ?? '';
        const noun = lowerFirstWord(profession);
        const speciality = intervenant?.specialites.find(text => text.trim() !== '')?.trim();
        if (noun && speciality && /^m[ée]decin$/i.test(noun)) {
            return /^m[ée]decine g[ée]n[ée]rale$/i.test(speciality) ? `${noun} généraliste` : `${noun} spécialiste en ${lowerFirstWord(speciality)}`;
        }
        if (noun) return noun;
        return intervenant ? this.t('noTitle', { kind: KIND.intervenant[this.locale] }).toLowerCase() : (written ?? '');
    }

    /** « Infirmier délégué », « Médecin généraliste délégant » (lists, tables, who does a step). */
    professional(intervenant: Intervenant | undefined, written?: string): string {
        if (!intervenant) return written ?? '';
        return upperFirstWord(this.person(intervenant, false));
    }

    /** « le médecin généraliste délégant », « l'infirmier délégué » (or without the article). */
    person(intervenant: Intervenant, article = true): string {
        const noun = this.professionNoun(intervenant);
        const delegant = isDelegant(intervenant);
        const feminine = /^sage-femme/i.test(noun);
        if (this.locale === 'en') return `${article ? 'the ' : ''}${delegant ? 'delegating' : 'delegate'} ${noun}`;
        const role = delegant ? (feminine ? 'déléguante' : 'délégant') : (feminine ? 'déléguée' : 'délégué');
        if (!article) return `${noun} ${role}`;
        const determiner = /^[aeiouyhâàéèêîïôûœ]/i.test(noun) ? 'l\'' : feminine ? 'la ' : 'le ';
        return `${determiner}${noun} ${role}`;
    }

    recipient(delegant: { ref?: Delegant | Ressource; $refText: string } | undefined, externe: Externe | undefined): string {
        // A declared resource (« ressource mt "Médecin traitant" ») is shown by its label.
        if (delegant?.ref && isRessource(delegant.ref)) return delegant.ref.libelle?.trim() || delegant.$refText;
        if (delegant) return delegant.ref ? this.person(delegant.ref as Delegant) : this.t('delegantUnknown');
        if (externe?.urgences) return this.t('emergency');
        if (externe?.samu) return this.t('samu');
        return externe?.autre ? this.quote(externe.autre) : '';
    }

    /** « Maison de santé pluriprofessionnelle (MSP) ». */
    cadreLabel(value: string): string {
        return valueLabel(this.locale, 'cadre', value);
    }

    libraryTitle(node: AstNode): string | undefined {
        const root = AstUtils.getDocument(node).parseResult.value;
        return isBibliotheque(root) ? this.t('fromLibrary', { title: root.titre ?? '' }) : undefined;
    }

    /** The `utilise` line that brings a library element into the protocol. */
    usedAt(element: AstNode): AstNode | undefined {
        return this.model.all('Utilise').find(utilise => utilise.elements.some(reference => reference.ref === element));
    }

    group(node: AstNode | undefined, title: string, blocks: Array<Block | undefined>, subtitle?: string, line?: number): GroupBlock {
        return this.anchor(node, {
            type: 'group', title, ...(subtitle ? { subtitle } : {}),
            blocks: blocks.filter((block): block is Block => block !== undefined),
            line: line ?? this.line(node), notes: []
        });
    }

    /** A section made of one element (`objectifs`, `coordination`…). */
    single<T extends ElementType>(type: T, build: (node: Extract<ElementProtocole, { $type: T }>) => Block | undefined): SectionContent {
        const nodes = this.model.all(type);
        return { blocks: nodes.map(build).filter(isDefined), nodes };
    }

    prose(node: AstNode, text: string | undefined, markdown = true): ProseBlock | undefined {
        if (text === undefined || text.trim() === '') return undefined;
        return this.anchor<ProseBlock>(node, { type: 'prose', content: markdown ? { markdown: text } : text, line: this.line(node), notes: [] });
    }

    stepRef(etape: Etape | undefined): { id: string; number: number } | undefined {
        const number = etape ? this.stepNumbers.get(etape) : undefined;
        return number ? { id: `etape-${number}`, number } : undefined;
    }

    risk(risque: Risque): TreeRisk {
        const mitigation = md(risque.maitrise);
        return this.anchor(risque, {
            label: risque.libelle ?? this.nameOf(risque.name, KIND.risque),
            ...(risque.gravite ? { severity: valueLabel(this.locale, 'gravite', risque.gravite) } : {}),
            ...(mitigation ? { mitigation } : {}),
            line: this.line(risque), notes: []
        } as TreeRisk);
    }
}
