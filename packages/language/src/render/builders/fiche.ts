import type { Localized } from '../../i18n/locale.js';
import type { Block, FicheItem, FicheProjet, GroupBlock, Section, TableBlock } from '../model-types.js';
import type { ElementType, ModelContext } from './context.js';

// The HAS 2012 « modèle type de protocole de coopération » (../shared/domain/template.md, 0.A): a
// « fiche projet », a three-column table ITEMS | CONSEILS | ÉLÉMENTS DE RÉPONSE in the HAS item
// order, then the table « Description du processus de prise en charge du patient ». The answers
// are the blocks of the sections (built once): only the layout differs. The advice is ours,
// written after the form's intent; the form's own advice text was not seen.

const l = (fr: string, en: string): Localized => ({ fr, en });

interface FicheEntry {
    item: Localized;
    advice: Localized;
    /** The sections whose content answers the item (none: the protocol's title). */
    from: ElementType[];
}

export const FICHE_ITEMS: FicheEntry[] = [
    { item: l('Intitulé du protocole de coopération (PC)', 'Title of the cooperation protocol'), advice: l('Nommer la prise en charge et la population concernées, sans sigle.', 'Name the care and the population concerned, without acronyms.'), from: [] },
    { item: l('Profession du délégant', 'Profession of the delegating professional'), advice: l('Profession, spécialité et qualification des professionnels qui délèguent.', 'Profession, speciality and qualification of the delegating professionals.'), from: ['Delegant'] },
    { item: l('Profession du délégué', 'Profession of the delegate'), advice: l('Profession, qualification et expérience exigées des délégués.', 'Profession, qualification and experience required of the delegates.'), from: ['Delegue'] },
    { item: l('Objectifs', 'Objectives'), advice: l('Ce que le protocole améliore pour les patients et pour l\'organisation des soins.', 'What the protocol improves for patients and for the organisation of care.'), from: ['Objectifs'] },
    { item: l('Actes dérogatoires', 'Derogating acts'), advice: l('Chaque acte ou activité délégué, avec les dispositions du code auxquelles il déroge.', 'Each delegated act or activity, with the provisions of the code it derogates from.'), from: ['Acte'] },
    { item: l('Lieu de mise en œuvre', 'Place of implementation'), advice: l('Lieux d\'exercice et équipements, dont l\'espace de confidentialité.', 'Places of practice and equipment, including the confidential space.'), from: ['Lieu'] },
    { item: l('Références utilisées', 'References used'), advice: l('Recommandations de bonne pratique de la HAS ou validées par elle sur lesquelles le protocole s\'appuie.', 'Good-practice recommendations of (or validated by) the HAS the protocol relies on.'), from: ['References'] },
    { item: l('Type(s) de patients concernés', 'Patients concerned'), advice: l('Critères d\'inclusion, d\'exclusion et de retrait des patients.', 'Inclusion, exclusion and withdrawal criteria.'), from: ['Patients'] },
    { item: l('Information des patients', 'Patient information'), advice: l('Comment le patient est informé de la prise en charge par un délégué et peut la refuser.', 'How the patient is told about the care by a delegate and can refuse it.'), from: ['InformationPatient'] },
    { item: l('Formation des professionnels délégués', 'Training of the delegates'), advice: l('Programme, durée théorique et pratique, modalités de validation et de maintien des compétences.', 'Programme, theoretical and practical duration, validation and maintenance of skills.'), from: ['Formation'] },
    { item: l('Intervention et disponibilité du délégant', 'Intervention and availability of the delegating professional'), advice: l('Comment le délégué joint le délégant, et quand le patient lui est réorienté.', 'How the delegate reaches the delegating professional, and when the patient is referred back.'), from: ['Disponibilite', 'Reorientations'] },
    { item: l('Système d\'information', 'Information system'), advice: l('Dossier partagé ou logiciel commun, partage sécurisé des données de santé.', 'Shared record or common software, secure sharing of health data.'), from: ['SystemeInformation'] },
    { item: l('Suivi du protocole', 'Monitoring of the protocol'), advice: l('Indicateurs : libellé, numérateur, dénominateur, périodicité, objectif et seuil d\'alerte.', 'Indicators: label, numerator, denominator, periodicity, target and alert threshold.'), from: ['Indicateur'] },
    { item: l('Traçabilité et archivage', 'Traceability and archiving'), advice: l('Transmission des informations entre intervenants et traçabilité de chaque prise en charge.', 'Transmission of information between professionals and traceability of each care episode.'), from: ['Coordination'] },
    { item: l('Retour d\'expérience et gestion des événements indésirables', 'Feedback and adverse event management'), advice: l('Démarche de gestion des risques : déclaration et analyse des événements indésirables.', 'Risk management: reporting and analysis of adverse events.'), from: ['GestionRisques'] }
];

/** The sections the fiche shows in its rows (the others follow it, as complements). */
export const FICHE_SECTIONS = new Set<string>(FICHE_ITEMS.flatMap(entry => entry.from).concat('Parcours'));

export function buildFiche(ctx: ModelContext, sections: Section[]): FicheProjet {
    const sectionOf = (type: string) => sections.find(section => section.id === type);
    const items = FICHE_ITEMS.map((entry, index): FicheItem => {
        const found = entry.from.map(sectionOf).filter((section): section is Section => section !== undefined);
        const answer: Block[] = entry.from.length === 0
            ? [{ type: 'prose', content: ctx.header.title, line: ctx.protocolLine, notes: [] }]
            : found.flatMap(section => section.blocks);
        return {
            number: index + 1,
            item: entry.item[ctx.locale],
            advice: entry.advice[ctx.locale],
            answer,
            line: found[0]?.line ?? ctx.protocolLine,
            notes: found.flatMap(section => section.notes)
        };
    });
    const trees = sectionOf('Parcours')?.blocks.filter((block): block is GroupBlock => block.type === 'group') ?? [];
    const process = trees.flatMap(tree => tree.blocks
        .filter((block): block is TableBlock => block.type === 'table' && block.role === 'process')
        .map(table => ({ ...table, title: tree.title })));
    return {
        title: ctx.t('ficheProjet'),
        columns: [ctx.t('ficheItems'), ctx.t('ficheAdvice'), ctx.t('ficheAnswer')],
        items,
        processTitle: ctx.t('ficheProcess'),
        process
    };
}
