import { AstUtils, CstUtils, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CoopServices } from '../coop-module.js';
import { documentationUrl, getDefinition } from '../diagnostics/registry.js';
import {
    isAllerA, isAvisInstance, isBibliotheque, isConditionAge, isConditionSexe, isFin, isIndicateur, isOrienter, isProtocole, isRealiser,
    isReference, isSuppression,
    type Acte, type Action, type Cible, type Condition, type Delegant, type Delegue, type Duree, type ElementProtocole, type Etape,
    type Externe, type Formation, type Indicateur, type Intervenant, type Module, type Parcours, type Periodicite, type Protocole,
    type Quantite, type Reference, type Risque, type Suppression
} from '../generated/ast.js';
import type { Locale, Localized } from '../i18n/locale.js';
import { protocolModel, type ProtocolModel } from '../model/protocol-model.js';
import { SECTION_KINDS, sectionKind } from '../model/sections.js';
import { computeConformity, conformityLabel, type RequirementStatus } from '../rules/conformity.js';
import type { SuppressedDiagnostic } from '../validation/suppressed-diagnostics.js';
import { calendarDate, KIND, comparatorSymbol, comparatorWords, formatDate, formatNumber, formatQuantity, label, valueLabel, type LabelKey } from './labels.js';

// ---------------------------------------------------------------------------------------------
// The neutral document model: what the HTML preview, the PDF and the DOCX exports all show.
// Everything is already in the reader's words (labels in the chosen language, keyword values
// expanded, structured criteria in sentences); renderers only lay it out. Every item carries the
// 0-based line of its source, for scroll sync and click-to-source, and the diagnostics that
// concern it (`notes`), so each renderer shows them in place.
// ---------------------------------------------------------------------------------------------

/** Prose written by the authors: Markdown (renderers convert it, links limited to http(s)/mailto). */
export interface Markdown {
    readonly markdown: string;
}

/** Plain text (a string, shown as is) or Markdown prose. */
export type Content = string | Markdown;

/** A table cell or a field value: one content, or several (shown as a list). */
export type Cell = Content | readonly Content[];

export type NoteKind = 'error' | 'warning' | 'info' | 'suppressed';

/** A diagnostic shown next to the element it concerns. */
export interface Note {
    kind: NoteKind;
    code: string;
    message: string;
    /** 0-based line of the diagnostic. */
    line: number;
    /** For a suppressed diagnostic: why the team set the rule aside. */
    justification?: string;
    /** Documentation page of the rule. */
    documentation?: string;
}

export interface Anchored {
    /** 0-based line of the source element. */
    line: number;
    notes: Note[];
}

export interface Field extends Anchored {
    label: string;
    value: Cell;
}

export interface FieldsBlock extends Anchored {
    type: 'fields';
    title?: string;
    /** `sheet`: a form to read as a grid (the template's indicator sheet). */
    layout?: 'sheet';
    fields: Field[];
}

export interface ProseBlock extends Anchored {
    type: 'prose';
    title?: string;
    content: Content;
}

export interface ListItem extends Anchored {
    content: Content;
    /** Short name of the element (`fievre`), shown discreetly. */
    tag?: string;
}

export interface ListBlock extends Anchored {
    type: 'list';
    title?: string;
    items: ListItem[];
}

export interface TableRow extends Anchored {
    cells: Cell[];
}

export interface TableBlock extends Anchored {
    type: 'table';
    title?: string;
    /** `process`: the template's « description du processus » table; `summary`: an overview. */
    role: 'data' | 'process' | 'summary';
    columns: string[];
    /** Relative column widths (they add up to 100). */
    widths: number[];
    rows: TableRow[];
}

export type ActionKind = 'perform' | 'goto' | 'refer' | 'end';

export interface TreeAction {
    kind: ActionKind;
    /** Short text of the action: the act's label, the step, the recipient, the end. */
    text: string;
    /** For `goto`: the step reached. */
    target?: { id: string; number: number };
    /** For `refer`: « sous 24 h ». */
    delay?: string;
    /** Reason of a referral, exit advice of an end. */
    detail?: Content;
    /** What follows an act (`réaliser … puis …`). */
    then?: TreeAction;
}

export interface TreeBranch extends Anchored {
    /** Situation as written (`undefined` for `sinon`). */
    condition?: string;
    /** « Si … », « Dans tous les autres cas », « Dans tous les cas ». */
    conditionLabel: string;
    action: TreeAction;
    /** The whole branch in one sentence, for tables and plain text. */
    summary: string;
}

export interface TreeRisk extends Anchored {
    label: string;
    severity?: string;
    mitigation?: Content;
}

export interface TreeStep extends Anchored {
    /** Anchor (`etape-3`), unique in the document. */
    id: string;
    /** 1-based number of the step in the protocol. */
    number: number;
    name: string;
    title: string;
    /** First step of its tree. */
    entry: boolean;
    who: string[];
    where?: Content;
    when?: Content;
    description?: Content;
    branches: TreeBranch[];
    risks: TreeRisk[];
}

export interface TreeBlock extends Anchored {
    type: 'tree';
    title?: string;
    steps: TreeStep[];
}

export interface GroupBlock extends Anchored {
    type: 'group';
    title: string;
    /** Secondary line under the title (`bibliothèque « … »`). */
    subtitle?: string;
    blocks: Block[];
}

export type Block = FieldsBlock | ProseBlock | ListBlock | TableBlock | TreeBlock | GroupBlock;

/** One rubric of the template. */
export interface Section extends Anchored {
    /** Stable identifier: the AST type of the element it shows (`Patients`, `Parcours`…). */
    id: string;
    /** 1-based number in the document. */
    number: number;
    title: string;
    /** Nothing written for it: renderers show « Non renseigné. ». */
    empty: boolean;
    blocks: Block[];
}

export interface DocumentHeader extends Anchored {
    kicker: string;
    title: string;
    fields: Field[];
    promoters?: TableBlock;
}

export interface ConformityRow extends Anchored {
    id: string;
    legalBasis: string;
    title: string;
    status: RequirementStatus;
    statusLabel: string;
    /** The section that answers the requirement. */
    where: string;
    /** Missing: the findings; suppressed: the justifications. */
    details: string[];
}

export interface ConformityMatrix extends Anchored {
    title: string;
    intro: string;
    /** « Conformité : 16/16 exigences ». */
    label: string;
    met: number;
    total: number;
    suppressed: number;
    rows: ConformityRow[];
}

export interface SuppressionEntry extends Anchored {
    code: string;
    /** Title of the rule in the registry (the code itself for an unknown rule). */
    rule: string;
    justification: string;
    /** What the suppression covers: « Délégué « ide » », « Protocole entier ». */
    scope: string;
    /** The diagnostics it sets aside. */
    findings: Array<{ message: string; line: number }>;
}

export interface DocumentDiagnostics {
    errors: number;
    warnings: number;
    infos: number;
    /** Syntax and unknown-character errors: part of the text may be missing from the document. */
    syntaxErrors: number;
    /** Every diagnostic, in reading order (also attached in place). */
    all: Note[];
}

export interface DocumentModel {
    locale: Locale;
    title: string;
    /** 0-based line of `protocole`. */
    line: number;
    meta: {
        identifier?: string;
        version?: string;
        /** ISO date of the version (`date`), used as the fixed date of the exports' metadata. */
        date?: string;
        type?: string;
        status?: string;
    };
    header: DocumentHeader;
    conformity: ConformityMatrix;
    sections: Section[];
    suppressions: SuppressionEntry[];
    diagnostics: DocumentDiagnostics;
}

export interface BuildOptions {
    /** Language of the document; by default the services' (`services.i18n.Locale`). */
    locale?: Locale;
}

/** The document given to `buildDocumentModel` holds no protocol (a library, or nothing readable). */
export class NotAProtocolError extends Error {
    constructor(readonly kind: 'library' | 'unreadable') {
        super(kind === 'library' ? 'The document is a library, not a protocol.' : 'The document holds no readable protocol.');
    }
}

/**
 * Builds the submission document of a validated protocol: sections in the template order
 * (`SECTION_KINDS`), whatever their order in the file, the conformity matrix, the suppressions and
 * the diagnostics attached to the element they concern. The document must have been built with
 * validation (`loadAndValidate`, or the language server's workspace).
 */
export function buildDocumentModel(document: LangiumDocument, services: CoopServices, options: BuildOptions = {}): DocumentModel {
    const root = document.parseResult.value;
    if (!isProtocole(root)) {
        throw new NotAProtocolError(isBibliotheque(root) ? 'library' : 'unreadable');
    }
    const locale = options.locale ?? services.i18n.Locale.current;
    const diagnostics = document.diagnostics ?? [];
    const suppressed = services.validation.SuppressedDiagnostics.get(document);
    return new ModelBuilder(document, root, locale, diagnostics, suppressed).build();
}

// ---------------------------------------------------------------------------------------------

type ElementType = ElementProtocole['$type'];

/** Types shown in the header rather than in a section of their own. */
const HEADER_TYPES = new Set<string>(['Identifiant', 'TypeProtocole', 'Cadre', 'Version', 'DateProtocole', 'Statut', 'Promoteurs', 'Theme']);

/** Types shown inside another section (`équipement` with the place) or elsewhere (`utilise`, `ignorer`). */
const MERGED_INTO: Partial<Record<ElementType, ElementType>> = { Equipement: 'Lieu' };

/** The sections that answer each requirement, to point a conformity row at its source. */
const REQUIREMENT_SECTIONS: Record<string, ElementType[]> = {
    rbp: ['References', 'Utilise'],
    actes: ['Acte'],
    patients: ['Patients'],
    qualification: ['Delegant', 'Delegue'],
    formation: ['Formation', 'Delegue'],
    arbres: ['Parcours'],
    parcours: ['Coordination'],
    reorientation: ['Reorientations'],
    information: ['InformationPatient'],
    donnees: ['SystemeInformation'],
    disponibilite: ['Disponibilite'],
    risques: ['GestionRisques'],
    responsabilite: ['ResponsabiliteCivile'],
    organisation: ['Lieu'],
    indicateurs: ['Indicateur'],
    cadre: ['TypeProtocole', 'Cadre', 'ModeleEconomique', 'Gouvernance']
};

const SECTION_TITLES: Partial<Record<ElementType, LabelKey>> = {
    Contexte: 'context', Objectifs: 'objectives', References: 'references', Delegant: 'delegants', Delegue: 'delegues',
    Patients: 'patients', Acte: 'acts', Lieu: 'place', Formation: 'training', Parcours: 'process', Coordination: 'pathway',
    Reorientations: 'referrals', Disponibilite: 'availability', InformationPatient: 'patientInformation',
    SystemeInformation: 'informationSystem', GestionRisques: 'riskManagement', ResponsabiliteCivile: 'liability',
    Indicateur: 'indicators', Gouvernance: 'governance', ModeleEconomique: 'economicModel', DureeProtocole: 'duration', Annexe: 'annexes'
};

const SEVERITY_KIND: Record<number, NoteKind> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'info' };

/** Escapes text inserted into Markdown built by the model (labels, names) so it stays literal. */
export function escapeMarkdown(text: string | undefined): string {
    return (text ?? '').replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

const md = (markdown: string | undefined): Markdown | undefined => (markdown === undefined || markdown.trim() === '' ? undefined : { markdown });

interface SectionContent {
    blocks: Block[];
    /** Nodes whose first line is the section's line. */
    nodes: AstNode[];
}

class ModelBuilder {
    private readonly model: ProtocolModel;
    private readonly protocolLine: number;
    private readonly anchors = new Map<AstNode, Note[]>();
    private readonly sectionNotes = new Map<string, Note[]>();
    private readonly stepNumbers = new Map<Etape, number>();
    private readonly header: DocumentHeader;

    constructor(
        private readonly document: LangiumDocument,
        private readonly protocole: Protocole,
        private readonly locale: Locale,
        private readonly diagnostics: Diagnostic[],
        private readonly suppressed: SuppressedDiagnostic[]
    ) {
        this.model = protocolModel(protocole);
        this.protocolLine = protocole.$cstNode?.range.start.line ?? 0;
        this.header = { kicker: this.t('kicker'), title: protocole.titre?.trim() || this.t('untitled'), fields: [], line: this.protocolLine, notes: [] };
        this.anchors.set(protocole, this.header.notes);
        this.model.etapes.forEach((etape, index) => this.stepNumbers.set(etape, index + 1));
    }

    build(): DocumentModel {
        this.buildHeader();
        const sections = this.buildSections();
        const conformity = this.buildConformity(sections);
        const suppressions = this.buildSuppressions();
        const all = this.attachDiagnostics();
        const count = (kind: NoteKind) => all.filter(note => note.kind === kind).length;
        const date = this.model.first('DateProtocole')?.valeur;
        return {
            locale: this.locale,
            title: this.header.title,
            line: this.protocolLine,
            meta: {
                identifier: this.model.first('Identifiant')?.valeur,
                version: this.model.first('Version')?.valeur,
                date: calendarDate(date) ? date : undefined,
                type: this.model.type,
                status: this.model.first('Statut')?.valeur
            },
            header: this.header,
            conformity,
            sections,
            suppressions,
            diagnostics: {
                errors: count('error'),
                warnings: count('warning'),
                infos: count('info'),
                syntaxErrors: all.filter(note => note.code === 'syntaxe' || note.code === 'caractere-inconnu').length,
                all
            }
        };
    }

    // ----- helpers -----------------------------------------------------------------------------

    private t(key: LabelKey, args: Record<string, string | number> = {}): string {
        return label(this.locale, key, args);
    }

    /** « text » in French, "text" in English. */
    private quote(text: string | undefined): string {
        return this.locale === 'fr' ? `« ${text ?? ''} »` : `"${text ?? ''}"`;
    }

    /** The name of an element, or « Délégant sans nom » when a syntax error lost it. */
    private nameOf(name: string | undefined, kind: Localized): string {
        return name?.trim() ? name : this.t('unnamed', { kind: kind[this.locale] });
    }

    /** `« ide »`, or « Délégant sans nom » (never quoted) when the name is lost. */
    private quotedName(name: string | undefined, kind: Localized): string {
        return name?.trim() ? this.quote(name) : this.t('unnamed', { kind: kind[this.locale] }).toLowerCase();
    }

    private line(node: AstNode | undefined): number {
        return node?.$cstNode?.range.start.line ?? this.protocolLine;
    }

    /** Registers `item` as the place where diagnostics on `node` (or inside it) are shown. */
    private anchor<T extends Anchored>(node: AstNode | undefined, item: T): T {
        if (node && !this.anchors.has(node)) this.anchors.set(node, item.notes);
        return item;
    }

    private field(labelKey: LabelKey, value: Cell | undefined, node?: AstNode): Field | undefined {
        if (value === undefined || (Array.isArray(value) && value.length === 0)) return undefined;
        return { label: this.t(labelKey), value, line: this.line(node), notes: [] };
    }

    private fields(node: AstNode, entries: Array<Field | undefined>, title?: string): FieldsBlock | undefined {
        const fields = entries.filter((entry): entry is Field => entry !== undefined);
        if (fields.length === 0) return undefined;
        return this.anchor<FieldsBlock>(node, { type: 'fields', ...(title ? { title } : {}), fields, line: this.line(node), notes: [] });
    }

    private duration(duree: Duree | undefined): string | undefined {
        if (!duree || typeof duree.valeur !== 'number' || !Number.isFinite(duree.valeur)) return undefined;
        return formatQuantity(this.locale, duree.valeur, duree.unite);
    }

    private delay(duree: Duree | undefined): string | undefined {
        const duration = this.duration(duree);
        if (duration === undefined) return undefined;
        return duree?.valeur === 0 ? this.t('immediately') : this.t('within', { delay: duration });
    }

    private quantity(quantite: Quantite | undefined): string | undefined {
        return quantite && typeof quantite.valeur === 'number' && Number.isFinite(quantite.valeur) ? formatQuantity(this.locale, quantite.valeur, quantite.unite) : undefined;
    }

    private periodicity(periodicite: Periodicite | undefined): string | undefined {
        if (!periodicite) return undefined;
        if (periodicite.valeur) return valueLabel(this.locale, 'periodicite', periodicite.valeur);
        const every = this.duration(periodicite.intervalle);
        if (!every) return undefined;
        return this.locale === 'fr' ? `Tous les ${every}` : `Every ${every}`;
    }

    private target(cible: Cible | undefined): Content | undefined {
        if (!cible) return undefined;
        if (cible.texte !== undefined) return md(cible.texte);
        if (typeof cible.valeur !== 'number' || !Number.isFinite(cible.valeur)) return undefined;
        const value = `${cible.operateur ? comparatorSymbol(cible.operateur) + ' ' : ''}${formatNumber(this.locale, cible.valeur)}${cible.pourcent ? ' %' : ''}`;
        return cible.commentaire ? { markdown: `${escapeMarkdown(value)} — ${cible.commentaire}` } : value;
    }

    /** « Infirmier (ide) ». */
    private professional(intervenant: Intervenant | undefined, written?: string): string {
        if (!intervenant) return written ?? '';
        const profession = intervenant.profession?.ref?.libelle ?? intervenant.profession?.$refText;
        const name = intervenant.name?.trim() ? intervenant.name : written?.trim() ? written : undefined;
        if (!name) return profession ?? this.nameOf(undefined, KIND.intervenant);
        return profession ? `${profession} (${name})` : name;
    }

    private recipient(delegant: { ref?: Delegant; $refText: string } | undefined, externe: Externe | undefined): string {
        if (delegant) {
            const profession = delegant.ref?.profession?.ref?.libelle;
            return this.t('delegantNamed', { name: delegant.ref?.name || delegant.$refText || '', profession: profession ? ` (${profession.toLowerCase()})` : '' }).replace(/\s+(\(|$)/, ' $1').trim();
        }
        if (externe?.urgences) return this.t('emergency');
        if (externe?.samu) return this.t('samu');
        return externe?.autre ? this.quote(externe.autre) : '';
    }

    private libraryTitle(node: AstNode): string | undefined {
        const root = AstUtils.getDocument(node).parseResult.value;
        return isBibliotheque(root) ? this.t('fromLibrary', { title: root.titre ?? '' }) : undefined;
    }

    /** The `utilise` line that brings a library element into the protocol. */
    private usedAt(element: AstNode): AstNode | undefined {
        return this.model.all('Utilise').find(utilise => utilise.elements.some(reference => reference.ref === element));
    }

    private group(node: AstNode | undefined, title: string, blocks: Array<Block | undefined>, subtitle?: string, line?: number): GroupBlock {
        return this.anchor(node, {
            type: 'group', title, ...(subtitle ? { subtitle } : {}),
            blocks: blocks.filter((block): block is Block => block !== undefined),
            line: line ?? this.line(node), notes: []
        });
    }

    // ----- header ------------------------------------------------------------------------------

    private buildHeader(): void {
        const m = this.model;
        const header = this.header;
        const add = (labelKey: LabelKey, value: Cell | undefined, node: AstNode | undefined) => {
            const entry = this.field(labelKey, value, node);
            if (entry) header.fields.push(this.anchor(node, entry));
        };
        const identifiant = m.first('Identifiant');
        add('identifier', identifiant?.valeur, identifiant);
        const type = m.first('TypeProtocole');
        add('type', type?.valeur ? valueLabel(this.locale, 'type', type.valeur) : undefined, type);
        const cadres = m.all('Cadre');
        const settings = cadres.flatMap(cadre => cadre.valeurs.map(value => valueLabel(this.locale, 'cadre', value)));
        add('settings', settings.length === 1 ? settings[0] : settings, cadres[0]);
        cadres.slice(1).forEach(cadre => this.anchor(cadre, header.fields[header.fields.length - 1] ?? header));
        const version = m.first('Version');
        add('version', version?.valeur, version);
        const date = m.first('DateProtocole');
        add('date', date ? formatDate(this.locale, date.valeur) : undefined, date);
        const statut = m.first('Statut');
        add('status', statut?.valeur ? valueLabel(this.locale, 'statut', statut.valeur) : undefined, statut);
        const theme = m.first('Theme');
        add('theme', md(theme?.valeur), theme);

        const promoteurs = m.all('Promoteurs');
        const members = promoteurs.flatMap(block => block.membres);
        if (promoteurs.length > 0) {
            header.promoters = this.anchor<TableBlock>(promoteurs[0], {
                type: 'table', role: 'data', title: this.t('promoters'),
                columns: [this.t('role'), this.t('name'), this.t('quality')], widths: [18, 37, 45],
                rows: members.map(member => this.anchor(member, {
                    cells: [member.role === 'promoteur' ? this.t('promoter') : this.t('drafter'), member.nom ?? '', md(member.qualite) ?? ''],
                    line: this.line(member), notes: []
                })),
                line: this.line(promoteurs[0]), notes: []
            });
        }
    }

    // ----- sections ----------------------------------------------------------------------------

    private buildSections(): Section[] {
        const builders: Partial<Record<ElementType, () => SectionContent | undefined>> = {
            Contexte: () => this.context(),
            Objectifs: () => this.single('Objectifs', node => this.prose(node, node.valeur)),
            References: () => this.references(),
            Delegant: () => this.professionals('Delegant'),
            Delegue: () => this.professionals('Delegue'),
            Patients: () => this.patients(),
            Acte: () => this.acts(),
            Lieu: () => this.place(),
            Formation: () => this.trainings(),
            Parcours: () => this.trees(),
            Coordination: () => this.single('Coordination', node => this.fields(node, [
                this.field('integration', md(node.integration), node),
                this.field('transmissions', node.transmissions.map(text => md(text)).filter(isDefined), node),
                this.field('gp', md(node.medecinTraitant), node)
            ])),
            Reorientations: () => this.referrals(),
            Disponibilite: () => this.single('Disponibilite', node => this.fields(node, [
                this.field('arrangements', md(node.modalites), node),
                this.field('hours', md(node.horaires), node),
                this.field('responseTime', this.duration(node.delaiReponse), node)
            ])),
            InformationPatient: () => this.single('InformationPatient', node => this.fields(node, [
                this.field('document', md(node.document), node),
                this.field('agreement', node.accord ? { markdown: [escapeMarkdown(valueLabel(this.locale, 'accord', node.accord)), node.accordDetail].filter(Boolean).join(' — ') } : undefined, node),
                this.field('refusal', md(node.refus), node)
            ])),
            SystemeInformation: () => this.single('SystemeInformation', node => this.fields(node, [
                this.field('software', md(node.logiciel), node),
                this.field('sharing', md(node.partage), node),
                this.field('traceability', md(node.tracabilite), node),
                this.field('archiving', md(node.archivage), node)
            ])),
            GestionRisques: () => this.riskManagement(),
            ResponsabiliteCivile: () => this.single('ResponsabiliteCivile', node => this.prose(node, node.valeur)),
            Indicateur: () => this.indicators(),
            Gouvernance: () => this.governance(),
            ModeleEconomique: () => this.model.type === 'local' && !this.model.has('ModeleEconomique')
                ? undefined
                : this.single('ModeleEconomique', node => this.prose(node, node.valeur)),
            DureeProtocole: () => this.single('DureeProtocole', node => this.prose(node, node.indeterminee ? this.t('indefinite') : this.duration(node.valeur), false)),
            Annexe: () => this.annexes()
        };
        const sections: Section[] = [];
        for (const kind of SECTION_KINDS) {
            if (HEADER_TYPES.has(kind.type) || MERGED_INTO[kind.type]) continue;
            const builder = builders[kind.type];
            if (!builder) continue;
            const content = builder();
            if (!content) continue;
            const notes: Note[] = [];
            this.sectionNotes.set(kind.type, notes);
            const firstNode = content.nodes[0];
            const section: Section = {
                id: kind.type,
                number: sections.length + 1,
                title: SECTION_TITLES[kind.type] ? this.t(SECTION_TITLES[kind.type]!) : kind.label[this.locale],
                empty: content.blocks.length === 0,
                blocks: content.blocks,
                line: this.line(firstNode),
                notes
            };
            for (const node of content.nodes) this.anchor(node, section);
            sections.push(section);
        }
        for (const [merged, into] of Object.entries(MERGED_INTO)) this.sectionNotes.set(merged, this.sectionNotes.get(into!) ?? []);
        return sections;
    }

    /** A section made of one element (`objectifs`, `coordination`…). */
    private single<T extends ElementType>(type: T, build: (node: Extract<ElementProtocole, { $type: T }>) => Block | undefined): SectionContent {
        const nodes = this.model.all(type);
        return { blocks: nodes.map(build).filter(isDefined), nodes };
    }

    private prose(node: AstNode, text: string | undefined, markdown = true): ProseBlock | undefined {
        if (text === undefined || text.trim() === '') return undefined;
        return this.anchor<ProseBlock>(node, { type: 'prose', content: markdown ? { markdown: text } : text, line: this.line(node), notes: [] });
    }

    private context(): SectionContent {
        return this.single('Contexte', node => this.fields(node, [
            this.field('need', md(node.besoin), node),
            this.field('currentOrganisation', md(node.organisation), node)
        ]));
    }

    private references(): SectionContent {
        const sections = this.model.all('References');
        const own = sections.flatMap(section => section.items);
        const used = this.model.used.filter(isReference);
        const row = (reference: Reference, fromLibrary: boolean): TableRow => {
            const origin = fromLibrary ? this.libraryTitle(reference) : undefined;
            const url = reference.url && /^(https?:\/\/|mailto:)[^\s<>()]+$/i.test(reference.url)
                ? { markdown: `[${escapeMarkdown(reference.url.replace(/^(https?:\/\/|mailto:)/i, '').replace(/\/$/, ''))}](${reference.url})` }
                : (reference.url ?? '');
            const item: TableRow = {
                cells: [origin ? [reference.titre ?? this.nameOf(reference.name, KIND.reference), origin] : (reference.titre ?? this.nameOf(reference.name, KIND.reference)), reference.auteur ?? '', reference.annee !== undefined ? String(reference.annee) : '', reference.has ? this.t('hasYes') : '', url],
                line: this.line(fromLibrary ? this.usedAt(reference) : reference),
                notes: []
            };
            return fromLibrary ? item : this.anchor(reference, item);
        };
        const rows = [...own.map(reference => row(reference, false)), ...used.map(reference => row(reference, true))];
        if (rows.length === 0) return { blocks: [], nodes: sections };
        const table: TableBlock = {
            type: 'table', role: 'data',
            columns: [this.t('reference'), this.t('author'), this.t('year'), this.t('hasColumn'), this.t('link')],
            widths: [44, 16, 9, 8, 23], rows, line: this.line(sections[0] ?? this.model.first('Utilise')), notes: []
        };
        if (sections[0]) this.anchor(sections[0], table);
        return { blocks: [table], nodes: [...sections, ...this.model.all('Utilise')] };
    }

    private professionals(type: 'Delegant' | 'Delegue'): SectionContent {
        const nodes: Array<Delegant | Delegue> = type === 'Delegant' ? this.model.delegants : this.model.delegues;
        const blocks = nodes.map(node => {
            const profession = node.profession?.ref;
            const article = profession?.article?.ref;
            const experience = this.duration(node.experience);
            const fields = this.fields(node, [
                this.field('profession', profession?.libelle ?? node.profession?.$refText, node),
                this.field('reservingArticle', article ? `${article.name} — ${article.objet}` : profession?.article?.$refText, node),
                this.field('specialties', listOrSingle(node.specialites.map(text => md(text)).filter(isDefined)), node),
                this.field('qualifications', listOrSingle(node.qualifications.map(text => md(text)).filter(isDefined)), node),
                this.field('experience', experience ? { markdown: [escapeMarkdown(experience), node.experienceDetail].filter(Boolean).join(' ') } : undefined, node)
            ]);
            const role = this.t(type === 'Delegant' ? 'delegant' : 'delegue');
            const what = profession?.libelle ?? node.profession?.$refText ?? '';
            const who = node.name?.trim() ? `${role} ${this.quote(node.name)}` : this.nameOf(undefined, type === 'Delegant' ? KIND.delegant : KIND.delegue);
            return this.group(node, what ? `${who}${this.t('colon')}${what}` : who, [fields]);
        });
        return { blocks, nodes };
    }

    private criterion(condition: Condition | undefined): Content {
        if (!condition) return '';
        if (isConditionAge(condition)) {
            const age = this.locale === 'fr' ? 'Âge' : 'Age';
            const number = (value: number | undefined) => formatNumber(this.locale, value);
            if (number(condition.min) && number(condition.max)) {
                return this.locale === 'fr'
                    ? `${age} de ${number(condition.min)} à ${formatQuantity(this.locale, condition.max, condition.unite)}`
                    : `${age} from ${number(condition.min)} to ${formatQuantity(this.locale, condition.max, condition.unite)}`;
            }
            const bound = number(condition.borne) ? formatQuantity(this.locale, condition.borne, condition.unite) : undefined;
            const words = comparatorWords(this.locale, condition.operateur);
            return bound && words ? `${age} ${words} ${bound}` : bound ? `${age}${this.t('colon')}${bound}` : age;
        }
        if (isConditionSexe(condition)) {
            const female = condition.valeur === 'féminin';
            return this.locale === 'fr' ? (female ? 'Sexe féminin' : 'Sexe masculin') : (female ? 'Female' : 'Male');
        }
        return md(condition.texte) ?? '';
    }

    private patients(): SectionContent {
        const nodes = this.model.all('Patients');
        const criteres = nodes.flatMap(node => node.criteres);
        const list = (nature: string, title: LabelKey): ListBlock | undefined => {
            const items = criteres.filter(critere => critere.nature === nature).map(critere => this.anchor(critere, {
                content: this.criterion(critere.condition), tag: critere.name, line: this.line(critere), notes: []
            } as ListItem));
            if (items.length === 0) return undefined;
            return { type: 'list', title: this.t(title), items, line: items[0].line, notes: [] };
        };
        const blocks = [list('inclusion', 'inclusion'), list('exclusion', 'exclusion'), list('retrait', 'withdrawal')].filter(isDefined);
        return { blocks, nodes };
    }

    private acts(): SectionContent {
        const actes = this.model.actes;
        const derogating = actes.filter(acte => !acte.nonDerogatoire && (acte.articles.length > 0 || writesDerogatoire(acte)));
        const nonDerogating = actes.filter(acte => acte.nonDerogatoire);
        const unspecified = actes.filter(acte => !derogating.includes(acte) && !nonDerogating.includes(acte));
        const performers = (acte: Acte) => acte.delegues.map(reference => this.professional(reference.ref, reference.$refText));
        const conditions = (acte: Acte): Cell => [md(acte.conditions), md(acte.description)].filter(isDefined);
        const table = (title: LabelKey, list: Acte[], withArticles: boolean): TableBlock | undefined => {
            if (list.length === 0) return undefined;
            return {
                type: 'table', role: 'data', title: this.t(title),
                columns: withArticles
                    ? [this.t('act'), this.t('derogatedArticles'), this.t('performedBy'), this.t('conditions')]
                    : [this.t('act'), this.t('performedBy'), this.t('conditions')],
                widths: withArticles ? [32, 24, 16, 28] : [40, 20, 40],
                rows: list.map(acte => this.anchor(acte, {
                    cells: withArticles
                        ? [acte.libelle ?? this.nameOf(acte.name, KIND.acte), acte.articles.map(reference => reference.ref ? [reference.ref.name, reference.ref.objet].filter(Boolean).join(' — ') : reference.$refText ?? ''), performers(acte), conditions(acte)]
                        : [acte.libelle ?? this.nameOf(acte.name, KIND.acte), performers(acte), conditions(acte)],
                    line: this.line(acte), notes: []
                } as TableRow)),
                line: this.line(list[0]), notes: []
            };
        };
        return {
            blocks: [table('derogatingActs', derogating, true), table('nonDerogatingActs', nonDerogating, false), table('unspecifiedActs', unspecified, false)].filter(isDefined),
            nodes: actes
        };
    }

    private place(): SectionContent {
        const lieux = this.model.all('Lieu');
        const equipements = this.model.all('Equipement');
        const list = (title: LabelKey, nodes: Array<{ valeur: string } & AstNode>): ListBlock | undefined => {
            const items = nodes.filter(node => node.valeur?.trim()).map(node => this.anchor(node, { content: { markdown: node.valeur ?? '' }, line: this.line(node), notes: [] } as ListItem));
            return items.length > 0 ? { type: 'list', title: this.t(title), items, line: items[0].line, notes: [] } : undefined;
        };
        return { blocks: [list('places', lieux), list('equipment', equipements)].filter(isDefined), nodes: [...lieux, ...equipements] };
    }

    private trainingFields(node: Formation | Module): Array<Field | undefined> {
        const theory = this.quantity(node.theorie);
        return [
            this.field('theory', theory || node.programme ? { markdown: [theory && escapeMarkdown(theory), node.programme].filter(Boolean).join(' — ') } : undefined, node),
            this.field('practice', listOrSingle(node.pratiques.map(pratique => {
                const amount = this.quantity(pratique.quantite);
                return md([amount && escapeMarkdown(amount), pratique.detail].filter(Boolean).join(' — '));
            }).filter(isDefined)), node),
            this.field('validation', md(node.validation), node),
            this.field('maintenance', node.periodiciteMaintien || node.maintien
                ? { markdown: [escapeMarkdown(this.periodicity(node.periodiciteMaintien) ?? ''), node.maintien].filter(Boolean).join(' — ') }
                : undefined, node)
        ];
    }

    private trainings(): SectionContent {
        const formations = this.model.formations;
        const blocks = formations.map(formation => {
            const who = formation.delegues.map(reference => this.professional(reference.ref, reference.$refText)).join(', ');
            const modules = formation.modules.map(reference => reference.ref);
            const fields = this.fields(formation, [
                ...this.trainingFields(formation),
                this.field('actsCovered', formation.actes.map(reference => reference.ref?.libelle ?? reference.$refText), formation),
                this.field('modulesUsed', modules.filter(isDefined).map(module => module.titre ?? this.nameOf(module.name, KIND.module)), formation)
            ]);
            const moduleGroups = modules.filter(isDefined).map(module => this.group(undefined, module.titre ?? this.nameOf(module.name, KIND.module),
                [this.fields(module, this.trainingFields(module))], this.libraryTitle(module), this.line(formation)));
            const name = this.quotedName(formation.name, KIND.formation);
            const title = formation.name?.trim() ? this.t(who ? 'trainingFor' : 'trainingNamed', { name: formation.name, who }) : upperFirst(name);
            return this.group(formation, title, [fields, ...moduleGroups]);
        });
        return { blocks, nodes: formations };
    }

    // ----- care process ------------------------------------------------------------------------

    private stepRef(etape: Etape | undefined): { id: string; number: number } | undefined {
        const number = etape ? this.stepNumbers.get(etape) : undefined;
        return number ? { id: `etape-${number}`, number } : undefined;
    }

    private action(action: Action | undefined): TreeAction {
        if (isRealiser(action)) {
            const acte = action.acte?.ref;
            const then = action.suite ? this.action(action.suite) : undefined;
            return { kind: 'perform', text: acte?.libelle ?? action.acte?.$refText ?? '', ...(then ? { then } : {}) };
        }
        if (isAllerA(action)) {
            const etape = action.etape?.ref;
            const target = this.stepRef(etape);
            const title = etape ? (etape.titre ?? this.nameOf(etape.name, KIND.etape)) : action.etape?.$refText ?? '';
            return { kind: 'goto', text: target ? this.t('goTo', { n: target.number, step: title }) : this.t('goToUnknown', { step: title }), ...(target ? { target } : {}) };
        }
        if (isOrienter(action)) {
            const delay = this.delay(action.delai);
            const detail = md(action.motif);
            return { kind: 'refer', text: this.t('referTo', { target: this.recipient(action.delegant, action.externe) }), ...(delay ? { delay } : {}), ...(detail ? { detail } : {}) };
        }
        const detail = isFin(action) ? md(action.texte) : undefined;
        return { kind: 'end', text: this.t('end'), ...(detail ? { detail } : {}) };
    }

    private actionSentence(action: TreeAction): string {
        const detail = action.detail ? plain(action.detail) : undefined;
        let text = action.kind === 'perform' ? this.t('perform', { act: action.text }) : action.text;
        if (action.delay) text += ` ${action.delay}`;
        if (detail) text += ` (${detail})`;
        if (action.then) text += ` ${this.t('then')} ${lowerFirst(this.actionSentence(action.then))}`;
        return text;
    }

    private step(etape: Etape, entry: boolean): TreeStep {
        const number = this.stepNumbers.get(etape) ?? 0;
        const lone = etape.situations.length === 1 && etape.situations[0].sinon;
        const branches = etape.situations.map(situation => {
            const action = this.action(situation.action);
            const conditionLabel = situation.sinon ? this.t(lone ? 'only' : 'otherwise') : this.t('ifCondition', { condition: this.quote(situation.condition ?? '') });
            return this.anchor(situation, {
                ...(situation.sinon ? {} : { condition: situation.condition ?? '' }),
                conditionLabel,
                action,
                summary: `${conditionLabel}${this.t('colon')}${lowerFirst(this.actionSentence(action))}`,
                line: this.line(situation), notes: []
            } as TreeBranch);
        });
        const risks = etape.risques.map(risque => this.risk(risque));
        const where = md(etape.lieu);
        const when = md(etape.moment);
        const description = md(etape.description);
        return this.anchor(etape, {
            id: `etape-${number}`, number, name: etape.name ?? '', title: etape.titre ?? this.nameOf(etape.name, KIND.etape), entry,
            who: etape.intervenants.map(reference => this.professional(reference.ref as Intervenant | undefined, reference.$refText)),
            ...(where ? { where } : {}), ...(when ? { when } : {}), ...(description ? { description } : {}),
            branches, risks, line: this.line(etape), notes: []
        } as TreeStep);
    }

    private risk(risque: Risque): TreeRisk {
        const mitigation = md(risque.maitrise);
        return this.anchor(risque, {
            label: risque.libelle ?? this.nameOf(risque.name, KIND.risque),
            ...(risque.gravite ? { severity: valueLabel(this.locale, 'gravite', risque.gravite) } : {}),
            ...(mitigation ? { mitigation } : {}),
            line: this.line(risque), notes: []
        } as TreeRisk);
    }

    private processTable(parcours: Parcours, steps: TreeStep[]): TableBlock {
        const rows = steps.map(step => {
            const description: Content[] = [];
            if (step.who.length > 0) description.push(`${this.t('who')}${this.t('colon')}${step.who.join(', ')}`);
            if (step.where) description.push({ markdown: `${escapeMarkdown(this.t('whereStep'))}${this.t('colon')}${contentMarkdown(step.where)}` });
            if (step.when) description.push({ markdown: `${escapeMarkdown(this.t('when'))}${this.t('colon')}${contentMarkdown(step.when)}` });
            if (step.description) description.push(step.description);
            description.push(...step.branches.map(branch => branch.summary));
            return {
                cells: [
                    `${step.number}. ${step.title}`,
                    description,
                    step.risks.map(risk => (risk.severity ? `${risk.label} (${this.t('severity').toLowerCase()}${this.t('colon')}${risk.severity.toLowerCase()})` : risk.label)),
                    step.risks.map(risk => risk.mitigation).filter(isDefined)
                ],
                line: step.line, notes: []
            } as TableRow;
        });
        return {
            type: 'table', role: 'process', title: this.t('processTable'),
            columns: [this.t('steps'), this.t('description'), this.t('risksIdentified'), this.t('riskControl')],
            widths: [17, 43, 20, 20], rows, line: this.line(parcours), notes: []
        };
    }

    private trees(): SectionContent {
        const parcours = this.model.parcours;
        const blocks = parcours.map((tree, index) => {
            const steps = tree.etapes.map((etape, position) => this.step(etape, position === 0));
            const title = tree.titre ?? (tree.name ? `${this.t('tree')} ${this.quote(tree.name)}` : `${this.t('tree')} ${index + 1}`);
            const treeBlock: TreeBlock = { type: 'tree', steps, line: this.line(tree), notes: [] };
            return this.group(tree, title, [treeBlock, steps.length > 0 ? this.processTable(tree, steps) : undefined],
                tree.titre && tree.name ? `${this.t('tree')} ${this.quote(tree.name)}` : undefined);
        });
        return { blocks, nodes: parcours };
    }

    // ----- other sections ----------------------------------------------------------------------

    private referrals(): SectionContent {
        const nodes = this.model.all('Reorientations');
        const situations = nodes.flatMap(node => node.situations);
        if (situations.length === 0) return { blocks: [], nodes };
        const table = this.anchor(nodes[0], {
            type: 'table', role: 'data',
            columns: [this.t('situation'), this.t('referredTo'), this.t('delay')], widths: [55, 27, 18],
            rows: situations.map(situation => this.anchor(situation, {
                cells: [md(situation.libelle) ?? this.nameOf(situation.name, KIND.situation), upperFirst(this.recipient(situation.delegant, situation.externe)), situation.delai ? (situation.delai.valeur === 0 ? this.t('immediately') : this.duration(situation.delai) ?? '') : ''],
                line: this.line(situation), notes: []
            } as TableRow)),
            line: this.line(nodes[0]), notes: []
        } as TableBlock);
        return { blocks: [table], nodes };
    }

    private riskManagement(): SectionContent {
        const nodes = this.model.all('GestionRisques');
        const blocks: Block[] = [];
        for (const node of nodes) {
            if (node.risques.length > 0) {
                blocks.push({
                    type: 'table', role: 'data', title: this.t('risksTransversal'),
                    columns: [this.t('risk'), this.t('severity'), this.t('riskControl')], widths: [40, 16, 44],
                    rows: node.risques.map(risque => {
                        const risk = this.risk(risque);
                        return { cells: [risk.label, risk.severity ?? '', risk.mitigation ?? ''], line: risk.line, notes: risk.notes };
                    }),
                    line: this.line(node.risques[0]), notes: []
                });
            }
            const reviews = node.revues.map(revue => {
                const parts = [escapeMarkdown(valueLabel(this.locale, 'revue', revue.nature)), escapeMarkdown(lowerFirst(this.periodicity(revue.periodicite) ?? '')), revue.description].filter(Boolean);
                return { markdown: parts.join(' — ') } as Markdown;
            });
            const fields = this.fields(node, [
                this.field('reporting', md(node.signalement), node),
                this.field('reviews', listOrSingle(reviews), node),
                this.field('suspension', md(node.suspension), node)
            ]);
            if (fields) blocks.push(fields);
        }
        return { blocks, nodes };
    }

    private indicatorRows(): Array<{ indicateur: Indicateur; origin?: string; anchorNode?: AstNode }> {
        const own = this.model.all('Indicateur').map(indicateur => ({ indicateur, anchorNode: indicateur as AstNode }));
        const used = this.model.used.filter(isIndicateur).map(indicateur => ({ indicateur, origin: this.libraryTitle(indicateur), anchorNode: undefined }));
        return [...own, ...used];
    }

    private indicators(): SectionContent {
        const entries = this.indicatorRows();
        const nodes: AstNode[] = [...this.model.all('Indicateur'), ...this.model.all('Utilise').filter(utilise => utilise.elements.some(reference => isIndicateur(reference.ref)))];
        if (entries.length === 0) return { blocks: [], nodes };
        const lineOf = (entry: { indicateur: Indicateur; anchorNode?: AstNode }) => this.line(entry.anchorNode ?? this.usedAt(entry.indicateur));
        const dash = '—';
        const summary: TableBlock = {
            type: 'table', role: 'summary', title: this.t('indicatorSummary'),
            columns: [this.t('indicator'), this.t('legalIndicator'), this.t('periodicity'), this.t('target'), this.t('alertThreshold')],
            widths: [34, 26, 14, 13, 13],
            rows: entries.map(entry => ({
                cells: [entry.indicateur.libelle ?? this.nameOf(entry.indicateur.name, KIND.indicateur),
                    entry.indicateur.exigence ? valueLabel(this.locale, 'exigence', entry.indicateur.exigence) : dash,
                    this.periodicity(entry.indicateur.periodicite) ?? dash,
                    this.target(entry.indicateur.objectif) ?? dash,
                    this.target(entry.indicateur.seuil) ?? dash],
                line: lineOf(entry), notes: []
            })),
            line: lineOf(entries[0]), notes: []
        };
        const sheets = entries.map(entry => {
            const node = entry.indicateur;
            const at = entry.anchorNode;
            const row = (key: LabelKey, value: Cell | undefined): Field => ({ label: this.t(key), value: value ?? dash, line: lineOf(entry), notes: [] });
            const optional = (key: LabelKey, value: Cell | undefined) => (value === undefined ? undefined : row(key, value));
            const sheet: FieldsBlock = {
                type: 'fields',
                layout: 'sheet',
                fields: [
                    row('label', node.libelle ?? this.nameOf(node.name, KIND.indicateur)),
                    optional('legalIndicator', node.exigence ? valueLabel(this.locale, 'exigence', node.exigence) : undefined),
                    optional('nature', node.nature ? valueLabel(this.locale, 'nature', node.nature) : undefined),
                    row('definition', md(node.definition)),
                    row('numerator', md(node.numerateur)),
                    row('denominator', md(node.denominateur)),
                    row('target', this.target(node.objectif)),
                    row('alertThreshold', this.target(node.seuil)),
                    row('periodicity', this.periodicity(node.periodicite)),
                    row('collection', md(node.recueil)),
                    row('source', md(node.source))
                ].filter(isDefined),
                line: lineOf(entry), notes: []
            };
            if (at) this.anchor(at, sheet);
            return this.group(undefined, `${this.t('indicator')}${this.t('colon')}${node.libelle ?? this.nameOf(node.name, KIND.indicateur)}`, [sheet], entry.origin, lineOf(entry));
        });
        return { blocks: [summary, ...sheets], nodes };
    }

    private governance(): SectionContent | undefined {
        const nodes = this.model.all('Gouvernance');
        if (nodes.length === 0 && this.model.type !== 'local') return undefined;
        const actes = nodes.flatMap(node => node.actes);
        if (actes.length === 0) return { blocks: [], nodes };
        const table = this.anchor(nodes[0], {
            type: 'table', role: 'data',
            columns: [this.t('body'), this.t('nature'), this.t('date'), this.t('detail')], widths: [40, 14, 18, 28],
            rows: actes.map(acte => {
                const instance = acte.instance;
                const body = instance?.cme ? valueLabel(this.locale, 'instance', 'cme')
                    : instance?.csirmt ? valueLabel(this.locale, 'instance', 'csirmt')
                        : instance?.directeur ? valueLabel(this.locale, 'instance', 'directeur') : instance?.autre ?? '';
                return this.anchor(acte, {
                    cells: [body, this.t(isAvisInstance(acte) ? 'opinion' : 'decision'), acte.date ? formatDate(this.locale, acte.date) : '', md(acte.detail) ?? ''],
                    line: this.line(acte), notes: []
                } as TableRow);
            }),
            line: this.line(nodes[0]), notes: []
        } as TableBlock);
        return { blocks: [table], nodes };
    }

    private annexes(): SectionContent {
        const nodes = this.model.all('Annexe');
        if (nodes.length === 0) return { blocks: [], nodes };
        const items = nodes.map(node => this.anchor(node, {
            content: node.fichier ? `${node.titre ?? ''} — ${this.t('file').toLowerCase()}${this.t('colon')}${node.fichier}` : (node.titre ?? ''),
            line: this.line(node), notes: []
        } as ListItem));
        return { blocks: [{ type: 'list', items, line: items[0].line, notes: [] }], nodes };
    }

    // ----- conformity, suppressions, diagnostics -----------------------------------------------

    private buildConformity(sections: Section[]): ConformityMatrix {
        const conformity = computeConformity(this.diagnostics, this.suppressed, this.protocole);
        const sectionTitle = (type: ElementType) => sections.find(section => section.id === (MERGED_INTO[type] ?? type))?.title
            ?? (HEADER_TYPES.has(type) ? sectionKind(type)?.label[this.locale] : undefined);
        const rows = conformity.items.map(item => {
            const types = REQUIREMENT_SECTIONS[item.requirement.id] ?? [];
            const present = types.map(type => this.model.first(type)).find(isDefined);
            const line = item.status === 'missing'
                ? Math.min(...item.diagnostics.map(d => d.range.start.line))
                : item.status === 'suppressed'
                    ? Math.min(...item.suppressed.map(s => s.suppressionRange.start.line))
                    : this.line(present);
            const details = item.status === 'missing'
                ? item.diagnostics.map(messageText)
                : item.suppressed.map(s => `${this.t('justification')}${this.t('colon')}${s.justification}`);
            return {
                id: item.requirement.id,
                legalBasis: item.requirement.legalBasis,
                title: item.requirement.title[this.locale],
                status: item.status,
                statusLabel: this.t(item.status === 'met' ? 'met' : item.status === 'missing' ? 'missing' : 'suppressedStatus'),
                where: types.map(sectionTitle).find(isDefined) ?? '',
                details: [...new Set(details)],
                line: Number.isFinite(line) ? line : this.protocolLine,
                notes: []
            } satisfies ConformityRow;
        });
        return {
            title: this.t('conformity'), intro: this.t('conformityIntro'),
            label: conformityLabel(conformity, this.locale),
            met: conformity.met, total: conformity.total, suppressed: conformity.suppressed,
            rows, line: this.protocolLine, notes: []
        };
    }

    private scopeOf(suppression: Suppression): string {
        const container = suppression.$container as AstNode;
        if (isProtocole(container)) return this.locale === 'fr' ? 'Protocole entier' : 'Whole protocol';
        const kind = sectionKind(container.$type)?.label[this.locale] ?? NODE_LABELS[container.$type]?.[this.locale] ?? container.$type;
        const name = (container as { name?: string }).name;
        return name?.trim() ? `${kind} ${this.quote(name)}` : kind;
    }

    private buildSuppressions(): SuppressionEntry[] {
        const suppressions = AstUtils.streamAllContents(this.protocole).filter(isSuppression).toArray();
        return suppressions.map(suppression => {
            const start = suppression.$cstNode?.range.start;
            const findings = this.suppressed
                .filter(s => start && s.suppressionRange.start.line === start.line && s.suppressionRange.start.character === start.character)
                .map(s => ({ message: messageText(s.diagnostic), line: s.diagnostic.range.start.line }))
                .sort((a, b) => a.line - b.line);
            return {
                code: suppression.regle ?? '',
                rule: getDefinition(suppression.regle ?? '')?.title[this.locale] ?? suppression.regle ?? '',
                justification: suppression.justification ?? '',
                scope: this.scopeOf(suppression),
                findings,
                line: this.line(suppression),
                notes: []
            };
        });
    }

    private note(diagnostic: Diagnostic, kind?: NoteKind, justification?: string): Note {
        const code = String(diagnostic.code ?? (diagnostic.data as { code?: string } | undefined)?.code ?? '');
        return {
            kind: kind ?? SEVERITY_KIND[diagnostic.severity ?? 1] ?? 'error',
            code,
            message: messageText(diagnostic),
            line: diagnostic.range.start.line,
            ...(justification !== undefined ? { justification } : {}),
            ...(getDefinition(code) ? { documentation: documentationUrl(code) } : {})
        };
    }

    /** Puts each diagnostic next to the element it concerns; returns the diagnostics in reading order. */
    private attachDiagnostics(): Note[] {
        const byPosition = (a: Diagnostic, b: Diagnostic) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
        const all: Note[] = [];
        for (const diagnostic of [...this.diagnostics].sort(byPosition)) {
            const note = this.note(diagnostic);
            all.push(note);
            this.attach(note, diagnostic);
        }
        for (const item of [...this.suppressed].sort((a, b) => byPosition(a.diagnostic, b.diagnostic))) {
            this.attach(this.note(item.diagnostic, 'suppressed', item.justification), item.diagnostic);
        }
        return all;
    }

    private attach(note: Note, diagnostic: Diagnostic): void {
        const section = (diagnostic.data as { section?: string } | undefined)?.section;
        const cst = this.protocole.$cstNode;
        const offset = this.document.textDocument.offsetAt(diagnostic.range.start);
        const leaf = cst ? CstUtils.findLeafNodeAtOffset(cst, offset) ?? CstUtils.findLeafNodeBeforeOffset(cst, offset) : undefined;
        for (let node: AstNode | undefined = leaf?.astNode; node; node = node.$container) {
            const notes = this.anchors.get(node);
            if (!notes) continue;
            // A missing section is reported on the protocol's title: show it where the section would be.
            if (notes === this.header.notes && section && this.sectionNotes.has(section)) break;
            notes.push(note);
            return;
        }
        ((section ? this.sectionNotes.get(section) : undefined) ?? this.header.notes).push(note);
    }
}

const NODE_LABELS: Record<string, { fr: string; en: string }> = {
    Etape: { fr: 'Étape', en: 'Step' },
    Risque: { fr: 'Risque', en: 'Risk' },
    Module: { fr: 'Module', en: 'Module' },
    Membre: { fr: 'Membre', en: 'Member' }
};

function messageText(diagnostic: Diagnostic): string {
    return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

function isDefined<T>(value: T | undefined | null | false): value is T {
    return value !== undefined && value !== null && value !== false;
}

function listOrSingle(values: Content[]): Cell | undefined {
    return values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
}

function writesDerogatoire(acte: Acte): boolean {
    return ['dérogatoire', 'derogatoire'].some(keyword => GrammarUtils.findNodeForKeyword(acte.$cstNode, keyword) !== undefined);
}

function upperFirst(text: string): string {
    return text.length > 0 ? text[0].toUpperCase() + text.slice(1) : text;
}

function lowerFirst(text: string): string {
    return text.length > 1 && /^\p{Lu}\p{Ll}/u.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

/** True when one of the step's branches continues at `next` (renderers draw an arrow between them). */
export function stepLeadsTo(step: TreeStep, next: TreeStep): boolean {
    const reaches = (action: TreeAction | undefined): boolean => !!action && (action.target?.id === next.id || reaches(action.then));
    return step.branches.some(branch => reaches(branch.action));
}

/** The text of a content, Markdown markers removed (for one-line summaries). */
export function plain(content: Content): string {
    if (typeof content === 'string') return content;
    return content.markdown
        .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1')
        .replace(/[*_`]+/g, '')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/^\s*[-+*]\s+/gm, '')
        .replace(/\s*\n\s*/g, ' ')
        .trim();
}

/** A content as Markdown (plain text escaped). */
export function contentMarkdown(content: Content): string {
    return typeof content === 'string' ? escapeMarkdown(content) : content.markdown;
}
