// Synthetic protocols of realistic shape for the benchmark (bench/bench.ts).
//
// A generated protocol has every section of the template, in the template's order, like the files of
// examples/: header, drafting team, context and objectives in prose blocks, references, délégants and
// délégués, inclusion/exclusion criteria, acts (derogating or not), trainings covering them, decision
// trees whose steps perform the acts and refer patients back, referral situations, risk management,
// the four mandatory indicators and a few more, annexes. Its size is set by a number of « units »
// (one act, one step, and a share of criteria, referrals, risks, indicators, references); `protocol`
// picks the number of units that gives the requested line count.
//
// Everything is deterministic (seeded), so two runs measure the same text. A generated protocol is
// meant to validate without errors (a few warnings or infos are fine): the benchmark measures the
// normal path, not the error path.

/** Small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const WORDS = [
    'patient', 'prise', 'charge', 'délégué', 'délégant', 'consultation', 'examen', 'clinique', 'traitement',
    'symptômes', 'durée', 'évolution', 'signes', 'gravité', 'orientation', 'médecin', 'structure', 'dossier',
    'partagé', 'recommandations', 'surveillance', 'antécédents', 'allergie', 'prescription', 'renouvellement',
    'douleur', 'fièvre', 'température', 'tension', 'artérielle', 'glycémie', 'capillaire', 'bandelette',
    'résultat', 'interprétation', 'conseils', 'hygiène', 'éducation', 'thérapeutique', 'suivi', 'contrôle',
    'délai', 'heures', 'jours', 'semaine', 'traçabilité', 'information', 'consentement', 'accord', 'refus',
    'critère', 'inclusion', 'exclusion', 'retrait', 'protocole', 'arbre', 'décision', 'étape', 'situation',
    'urgence', 'réorientation', 'équipe', 'pluriprofessionnelle', 'coordination', 'transmission', 'compte',
    'rendu', 'messagerie', 'sécurisée', 'formation', 'compétences', 'pratique', 'théorique', 'supervision'
];

const PROFESSIONS_DELEGUES = ['infirmier', 'masseur-kinésithérapeute', 'pharmacien', 'orthoptiste', 'sage-femme', 'diététicien'];
const ARTICLES = ['L4161-1', 'L4111-1', 'L4161-5', 'L4221-1'];
const NATURES = ['taux', 'nombre', 'délai', 'qualitatif'] as const;

class Writer {
    readonly lines: string[] = [];
    constructor(readonly random: () => number) {}
    line(text = ''): void { this.lines.push(text); }
    pick<T>(items: readonly T[]): T { return items[Math.floor(this.random() * items.length)]; }
    int(min: number, max: number): number { return min + Math.floor(this.random() * (max - min + 1)); }
    /** A French-looking sentence of `min`–`max` words (no double quote, no triple quote). */
    sentence(min = 6, max = 14): string {
        const count = this.int(min, max);
        const words: string[] = [];
        for (let i = 0; i < count; i++) words.push(this.pick(WORDS));
        const text = words.join(' ');
        return text.charAt(0).toUpperCase() + text.slice(1);
    }
    /** A `"""…"""` prose block of `lines` lines, indented. */
    block(indent: string, lines: number): string[] {
        const result = ['"""'];
        for (let i = 0; i < lines; i++) result.push(`${indent}    ${this.sentence(8, 16)}${i === lines - 1 ? '.' : ','}`);
        result.push(`${indent}    """`);
        return result;
    }
}

export interface LibraryNames {
    /** Name of a training module of the library. */
    module: string;
    /** Name of a reference of the library. */
    reference: string;
    /** Name of an additional indicator of the library. */
    indicateur: string;
}

/** Names a library exports, all prefixed so that ten libraries of one folder never clash. */
export function libraryNames(prefix: string): LibraryNames {
    return { module: `${prefix}-socle`, reference: `${prefix}-rmm`, indicateur: `${prefix}-satisfaction-patients` };
}

/** A `bibliothèque` file (about 60 lines) exporting a module, a few references and indicators. */
export function library(prefix: string, seed: number): string {
    const w = new Writer(rng(seed));
    const names = libraryNames(prefix);
    w.line(`// Bibliothèque partagée ${prefix} (générée pour le banc de mesure).`);
    w.line(`bibliothèque "Éléments partagés ${prefix}" {`);
    w.line(`    module ${names.module} "Socle commun : exercer dans un protocole de coopération" {`);
    w.line(`        théorie 3 h ${w.block('        ', 4).join('\n')}`);
    w.line(`        pratique 2 h "${w.sentence()}"`);
    w.line(`        validation "${w.sentence()}"`);
    w.line(`        maintien tous les 24 mois "${w.sentence()}"`);
    w.line('    }');
    w.line(`    référence ${names.reference} "Revue de mortalité et de morbidité : guide méthodologique"`);
    w.line('        auteur "HAS" année 2009 has url "https://www.has-sante.fr/"');
    for (let i = 1; i <= 4; i++) {
        w.line(`    référence ${prefix}-ref-${i} "${w.sentence(4, 9)}"`);
        w.line(`        auteur "Société savante" année ${2010 + i} url "https://example.org/"`);
    }
    w.line(`    indicateur ${names.indicateur} "Taux de satisfaction des patients" {`);
    w.line('        nature taux');
    w.line(`        définition "${w.sentence()}"`);
    w.line(`        numérateur "${w.sentence(4, 8)}"`);
    w.line(`        dénominateur "${w.sentence(4, 8)}"`);
    w.line('        objectif > 85 %');
    w.line('        seuil < 70 %');
    w.line('        périodicité annuelle');
    w.line(`        recueil "${w.sentence()}"`);
    w.line('    }');
    for (let i = 1; i <= 3; i++) {
        w.line(`    indicateur ${prefix}-indicateur-${i} "${w.sentence(3, 6)}" {`);
        w.line('        nature nombre');
        w.line(`        définition "${w.sentence()}"`);
        w.line('        périodicité annuelle');
        w.line('    }');
    }
    w.line('}');
    return w.lines.join('\n') + '\n';
}

/** A protocol with `units` acts and steps (and the criteria, referrals, risks… that go with them). */
export function protocolWithUnits(units: number, seed: number, lib?: LibraryNames): string {
    const w = new Writer(rng(seed));
    const delegueCount = units >= 40 ? 3 : units >= 8 ? 2 : 1;
    const delegues = Array.from({ length: delegueCount }, (_, i) => ({ name: `del-${i + 1}`, profession: PROFESSIONS_DELEGUES[i % PROFESSIONS_DELEGUES.length] }));
    const acts = Array.from({ length: units }, (_, i) => ({ name: `acte-${i + 1}`, delegue: delegues[i % delegueCount].name, derogatoire: i % 3 !== 2 }));
    const criteria = Math.max(4, Math.round(units / 3));
    const referrals = Math.max(3, Math.round(units / 5));
    const risks = Math.max(2, Math.round(units / 6));
    const extraIndicators = Math.round(units / 12);
    const references = Math.max(2, Math.round(units / 10));
    const trees = Math.max(1, Math.round(units / 25));

    w.line(`// Protocole synthétique ${seed} (${units} actes), généré par bench/generate.ts.`);
    w.line(`protocole "Protocole synthétique ${seed} : ${w.sentence(5, 9).toLowerCase()}" {`);
    w.line(`    identifiant PC-BENCH-${seed}`);
    w.line('    type national');
    w.line('    cadre msp, centre-de-santé, cpts');
    w.line('    version "1.0"');
    w.line('    date 2024-06-30');
    w.line('    statut brouillon');
    w.line('');
    w.line('    promoteurs {');
    w.line(`        promoteur "Équipe de rédaction ${seed}" qualité "Équipe sélectionnée par le CNCI"`);
    w.line('        rédacteur "Dr Claire Fontaine" qualité "Médecin généraliste"');
    w.line('        rédacteur "Julien Moreau" qualité "Infirmier diplômé d\'État"');
    w.line('    }');
    w.line('');
    w.line(`    thème "${w.sentence(4, 8)}"`);
    w.line('');
    w.line('    contexte {');
    w.line(`        besoin ${w.block('        ', Math.min(12, 3 + Math.round(units / 20))).join('\n')}`);
    w.line(`        organisation "${w.sentence(10, 18)}"`);
    w.line('    }');
    w.line('');
    w.line(`    objectifs ${w.block('    ', 4).join('\n')}`);
    w.line('');
    w.line('    références {');
    for (let i = 1; i <= references; i++) {
        w.line(`        référence ref-${i} "${w.sentence(5, 10)}"`);
        w.line(`            auteur "${i === 1 ? 'HAS' : 'Société savante'}" année ${2000 + (i % 24)}${i === 1 ? ' has' : ''} url "https://example.org/${i}"`);
    }
    w.line('    }');
    if (lib) {
        w.line('');
        w.line(`    utilise ${lib.reference}, ${lib.indicateur}, ${lib.module}`);
    }
    w.line('');
    w.line('    délégant mg : médecin {');
    w.line('        spécialité "Médecine générale"');
    w.line('        qualification "Diplôme d\'État de docteur en médecine"');
    w.line('    }');
    for (const delegue of delegues) {
        w.line('');
        w.line(`    délégué ${delegue.name} : ${delegue.profession} {`);
        w.line(`        qualification "Diplôme d'État de ${delegue.profession}"`);
        const years = w.int(1, 3);
        w.line(`        expérience ${years} ${years > 1 ? 'ans' : 'an'} "${w.sentence(4, 8)}"`);
        w.line('    }');
    }
    w.line('');
    w.line('    patients {');
    w.line('        inclusion age : âge de 16 à 65 ans');
    for (let i = 1; i <= criteria; i++) {
        const nature = i % 3 === 0 ? 'exclusion' : i % 7 === 0 ? 'retrait' : i % 2 === 0 ? 'exclusion' : 'inclusion';
        w.line(`        ${nature} critere-${i} : "${w.sentence(6, 12)} (${i})"`);
    }
    w.line('    }');
    for (const act of acts) {
        w.line('');
        w.line(`    acte ${act.name} "${w.sentence(5, 10)}" {`);
        w.line(act.derogatoire ? `        dérogatoire à ${w.pick(ARTICLES)}` : '        non dérogatoire');
        w.line(`        par ${act.delegue}`);
        w.line(`        conditions "${w.sentence(8, 14)}"`);
        if (act.derogatoire && w.random() < 0.3) w.line(`        description "${w.sentence(10, 18)}"`);
        w.line('    }');
    }
    w.line('');
    w.line(`    lieu "${w.sentence(6, 10)}"`);
    w.line(`    équipement "${w.sentence(3, 6)}"`);
    w.line(`    équipement "${w.sentence(3, 6)}"`);
    for (const delegue of delegues) {
        const covered = acts.filter(act => act.delegue === delegue.name).map(act => act.name);
        w.line('');
        w.line(`    formation f-${delegue.name} pour ${delegue.name} {`);
        w.line(`        théorie ${w.int(4, 20)} h "${w.sentence(8, 14)}"`);
        w.line(`        pratique ${w.int(3, 10)} cas "${w.sentence(5, 9)}"`);
        w.line(`        validation "${w.sentence(5, 9)}"`);
        w.line(`        maintien tous les 12 mois "${w.sentence(5, 9)}"`);
        for (let i = 0; i < covered.length; i += 8) w.line(`        couvre ${covered.slice(i, i + 8).join(', ')}`);
        if (lib) w.line(`        module ${lib.module}`);
        w.line('    }');
    }
    // Decision trees: the acts are spread over `trees` trees; step k performs act k and leads to the
    // next step of its tree; the last step of a tree ends. Every step refers back in some situations.
    const perTree = Math.ceil(units / trees);
    let riskIndex = 0;
    for (let t = 0; t < trees; t++) {
        const treeActs = acts.slice(t * perTree, (t + 1) * perTree);
        if (treeActs.length === 0) break;
        w.line('');
        w.line(`    parcours arbre-${t + 1} "${w.sentence(4, 8)}" {`);
        treeActs.forEach((act, index) => {
            const step = `etape-${t * perTree + index + 1}`;
            const next = index < treeActs.length - 1 ? `aller à etape-${t * perTree + index + 2}` : 'fin "Fin de la prise en charge"';
            w.line(`        étape ${step} "${w.sentence(3, 7)}" {`);
            w.line(`            par ${act.delegue}`);
            if (index % 4 === 0) w.line(`            moment "${w.sentence(4, 8)}"`);
            if (index % 5 === 0) w.line(`            description ${w.block('            ', 2).join('\n')}`);
            w.line(`            si "${w.sentence(5, 10)}" : orienter vers mg sous ${w.pick([24, 48, 72])} h "${w.sentence(3, 6)}"`);
            if (index % 3 === 0) w.line(`            si "${w.sentence(5, 10)}" : orienter vers urgences`);
            w.line(`            si "${w.sentence(5, 10)}" : réaliser ${act.name} puis ${next}`);
            w.line(`            sinon : ${index < treeActs.length - 1 ? `aller à etape-${t * perTree + index + 2}` : 'fin'}`);
            if (index % 6 === 1 && riskIndex < risks) {
                riskIndex++;
                w.line(`            risque r-etape-${riskIndex} "${w.sentence(4, 8)}" {`);
                w.line(`                gravité ${w.pick(['mineure', 'significative', 'majeure'])}`);
                w.line(`                maîtrise "${w.sentence(6, 12)}"`);
                w.line('            }');
            }
            w.line('        }');
        });
        w.line('    }');
    }
    w.line('');
    w.line('    coordination {');
    w.line(`        intégration "${w.sentence(8, 14)}"`);
    w.line(`        transmission "${w.sentence(8, 14)}"`);
    w.line(`        médecin-traitant "${w.sentence(6, 10)}"`);
    w.line('    }');
    w.line('');
    w.line('    réorientations {');
    for (let i = 1; i <= referrals; i++) {
        w.line(i % 5 === 0
            ? `        situation reo-${i} "${w.sentence(5, 10)}" vers urgences`
            : `        situation reo-${i} "${w.sentence(5, 10)}" vers mg sous ${w.pick([24, 48])} h`);
    }
    w.line('    }');
    w.line('');
    w.line('    disponibilité {');
    w.line(`        modalités "${w.sentence(8, 14)}"`);
    w.line('        horaires "Du lundi au vendredi de 8 h à 20 h"');
    w.line('        réponse sous 30 min');
    w.line('    }');
    w.line('');
    w.line('    information du patient {');
    w.line(`        document "${w.sentence(4, 8)}"`);
    w.line(`        accord oral "${w.sentence(4, 8)}"`);
    w.line(`        refus "${w.sentence(6, 10)}"`);
    w.line('    }');
    w.line('');
    w.line('    système d\'information {');
    w.line(`        logiciel "${w.sentence(4, 8)}"`);
    w.line(`        partage "${w.sentence(4, 8)}"`);
    w.line(`        traçabilité "${w.sentence(4, 8)}"`);
    w.line('    }');
    w.line('');
    w.line('    gestion des risques {');
    for (let i = riskIndex + 1; i <= risks; i++) {
        w.line(`        risque r-${i} "${w.sentence(4, 8)}" {`);
        w.line(`            gravité ${w.pick(['mineure', 'significative', 'majeure', 'critique'])}`);
        w.line(`            maîtrise "${w.sentence(6, 12)}"`);
        w.line('        }');
    }
    w.line(`        signalement "${w.sentence(8, 12)}"`);
    w.line(`        revue rex tous les 3 mois "${w.sentence(4, 8)}"`);
    w.line(`        suspension "${w.sentence(6, 10)}"`);
    w.line('    }');
    w.line('');
    w.line(`    responsabilité civile "${w.sentence(8, 14)}"`);
    const mandatory: Array<[string, string, string]> = [
        ['nb-patients', 'patients', 'nombre'], ['reprise', 'reprise', 'taux'],
        ['ei', 'événements-indésirables', 'taux'], ['satisfaction', 'satisfaction-professionnels', 'taux']
    ];
    for (const [name, exigence, nature] of mandatory) writeIndicator(w, name, nature, exigence);
    for (let i = 1; i <= extraIndicators; i++) writeIndicator(w, `ind-${i}`, w.pick(NATURES));
    w.line('');
    w.line(`    modèle économique ${w.block('    ', 3).join('\n')}`);
    w.line('    durée indéterminée');
    w.line('');
    w.line('    annexe "Arbre de décision" fichier "annexes/arbre.pdf"');
    w.line('    annexe "Fiche d\'information du patient" fichier "annexes/information.pdf"');
    w.line('}');
    return w.lines.join('\n') + '\n';
}

function writeIndicator(w: Writer, name: string, nature: string, exigence?: string): void {
    w.line('');
    w.line(`    indicateur ${name} "${w.sentence(4, 8)}" {`);
    if (exigence) w.line(`        exigence ${exigence}`);
    w.line(`        nature ${nature}`);
    if (nature === 'taux') {
        w.line(`        numérateur "${w.sentence(5, 9)}"`);
        w.line(`        dénominateur "${w.sentence(5, 9)}"`);
        w.line('        objectif < 20 %');
        w.line('        seuil > 30 %');
    } else {
        w.line(`        définition "${w.sentence(6, 10)}"`);
    }
    w.line('        périodicité annuelle');
    w.line(`        recueil "${w.sentence(4, 8)}"`);
    w.line('    }');
}

export function lineCount(text: string): number {
    return text.split('\n').length - 1;
}

/** A protocol of about `targetLines` lines (within a few lines). */
export function protocol(targetLines: number, seed: number, lib?: LibraryNames): string {
    // Line count grows monotonically with units: bisect.
    let low = 1;
    let high = Math.max(2, Math.ceil(targetLines / 8));
    while (lineCount(protocolWithUnits(high, seed, lib)) < targetLines) high *= 2;
    while (high - low > 1) {
        const middle = (low + high) >> 1;
        if (lineCount(protocolWithUnits(middle, seed, lib)) < targetLines) low = middle;
        else high = middle;
    }
    const lowText = protocolWithUnits(low, seed, lib);
    const highText = protocolWithUnits(high, seed, lib);
    return targetLines - lineCount(lowText) <= lineCount(highText) - targetLines ? lowText : highText;
}

export interface WorkspaceFile {
    name: string;
    text: string;
}

/**
 * A folder of `files` files: one library per 100 files, the other files protocols that each use
 * their group's library. A protocol's size is drawn between 120 and 400 lines; the smallest
 * complete protocol the generator writes has about 190 lines, so they come out at 190 to 410 lines,
 * about 270 on average (the examples have 190 to 290).
 */
export function workspace(files: number, seed = 1): WorkspaceFile[] {
    const random = rng(seed);
    const result: WorkspaceFile[] = [];
    const groups = Math.max(1, Math.round(files / 100));
    for (let g = 1; g <= groups; g++) result.push({ name: `bibliotheque-${g}.coop`, text: library(`lib${g}`, seed * 1000 + g) });
    for (let i = 1; result.length < files; i++) {
        const group = ((i - 1) % groups) + 1;
        const lines = 120 + Math.floor(random() * 281);
        result.push({ name: `protocole-${String(i).padStart(4, '0')}.coop`, text: protocol(lines, seed * 100_000 + i, libraryNames(`lib${group}`)) });
    }
    return result;
}
