import { GrammarUtils, type AstNode } from 'langium';
import {
    isAllerA, isIndicateur, isRealiser, isReference,
    type Acte, type Action, type Delegant, type Delegue, type ElementProtocole, type Etape, type Formation,
    type Indicateur, type Parcours, type Protocole, type Reference
} from '../generated/ast.js';

type ElementOfType<T extends ElementProtocole['$type']> = Extract<ElementProtocole, { $type: T }>;

/**
 * Read access to a protocol as reviewers think of it: its délégants, acts, trainings, trees…,
 * including the library elements it uses. Built once per protocol and validation pass.
 */
export class ProtocolModel {
    private readonly byType = new Map<string, ElementProtocole[]>();

    constructor(readonly protocole: Protocole) {
        for (const element of protocole.elements) {
            const list = this.byType.get(element.$type) ?? [];
            list.push(element);
            this.byType.set(element.$type, list);
        }
    }

    all<T extends ElementProtocole['$type']>(type: T): Array<ElementOfType<T>> {
        return (this.byType.get(type) ?? []) as Array<ElementOfType<T>>;
    }

    first<T extends ElementProtocole['$type']>(type: T): ElementOfType<T> | undefined {
        return this.all(type)[0];
    }

    has(type: ElementProtocole['$type']): boolean {
        return this.byType.has(type);
    }

    get type(): 'national' | 'local' | undefined {
        return this.first('TypeProtocole')?.valeur as 'national' | 'local' | undefined;
    }

    get cadres(): string[] {
        return this.all('Cadre').flatMap(cadre => cadre.valeurs);
    }

    get delegants(): Delegant[] { return this.all('Delegant'); }
    get delegues(): Delegue[] { return this.all('Delegue'); }
    get actes(): Acte[] { return this.all('Acte'); }
    get formations(): Formation[] { return this.all('Formation'); }
    get parcours(): Parcours[] { return this.all('Parcours'); }

    get etapes(): Etape[] {
        return this.parcours.flatMap(parcours => parcours.etapes);
    }

    /** Library elements named in `utilise`, resolved. */
    get used(): AstNode[] {
        return this.all('Utilise').flatMap(utilise => utilise.elements.map(reference => reference.ref).filter(node => node !== undefined));
    }

    /** The protocol's own indicators and those it uses from a library. */
    get indicateurs(): Indicateur[] {
        return [...this.all('Indicateur'), ...this.used.filter(isIndicateur)];
    }

    /** References written in the protocol and those it uses from a library. */
    get references(): Reference[] {
        return [...this.all('References').flatMap(section => section.items), ...this.used.filter(isReference)];
    }

    /** Acts performed somewhere in a decision tree. */
    get actesRealises(): Set<Acte> {
        const result = new Set<Acte>();
        for (const action of this.actions()) {
            const acte = isRealiser(action) ? action.acte?.ref : undefined;
            if (acte) result.add(acte);
        }
        return result;
    }

    /** Every action of every situation, including the continuation after `réaliser … puis`. */
    *actions(): Generator<Action> {
        for (const etape of this.etapes) {
            for (const situation of etape.situations) {
                if (!situation.action) continue;
                yield situation.action;
                if (isRealiser(situation.action) && situation.action.suite) yield situation.action.suite;
            }
        }
    }
}

/** The steps a step leads to (`aller à`, `réaliser … puis aller à`). */
export function nextSteps(etape: Etape): Etape[] {
    const result: Etape[] = [];
    for (const situation of etape.situations) {
        const action = situation.action;
        const target = isAllerA(action) ? action.etape?.ref : isRealiser(action) && isAllerA(action.suite) ? action.suite.etape?.ref : undefined;
        if (target) result.push(target);
    }
    return result;
}


const cache = new WeakMap<Protocole, ProtocolModel>();

/** The model of a protocol, computed once per AST (a new parse gives a new AST). */
export function protocolModel(protocole: Protocole): ProtocolModel {
    let model = cache.get(protocole);
    if (!model) {
        model = new ProtocolModel(protocole);
        cache.set(protocole, model);
    }
    return model;
}

/**
 * Whether an act says « dérogatoire », with or without its article: `nonDerogatoire` is false both
 * for « dérogatoire » and for an act that says nothing, and only the keyword tells them apart. The
 * lexer folds accents, so the grammar's one spelling matches « derogatoire » too.
 */
export function writesDerogatoire(acte: AstNode): boolean {
    return GrammarUtils.findNodeForKeyword(acte.$cstNode, 'dérogatoire') !== undefined;
}
