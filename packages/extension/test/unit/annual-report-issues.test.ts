import { describe, expect, it } from 'vitest';
import { defaultPeriod, isPeriod, journalProblems } from '../../src/annual-report-issues.js';

describe('« Rapport annuel »: the journal\'s issues for the Problems panel', () => {
    it('a refusal is an error, an excluded row a warning, a flagged row an information; lines 0-based, by file', () => {
        const problems = journalProblems([
            { file: 'j.csv', line: 1, code: 'colonne-identifiante', severity: 'refus', message: 'La colonne « nom »…' },
            { file: 'j.csv', line: 7, code: 'acte-inconnu', severity: 'exclu', message: 'Acte « x » inconnu' },
            { file: 's.csv', line: 3, code: 'reponse-inconnue', severity: 'exclu', message: 'Réponse hors échelle' },
            { file: 'j.csv', line: 9, code: 'cumul-interdit', severity: 'signal', message: 'Consultation…' }
        ]);
        expect([...problems.keys()]).toEqual(['j.csv', 's.csv']);
        expect(problems.get('j.csv')!.map(p => [p.line, p.severity, p.code])).toEqual([[0, 'error', 'colonne-identifiante'], [6, 'warning', 'acte-inconnu'], [8, 'information', 'cumul-interdit']]);
    });

    it('periods: a year, a month, a range; the previous year by default', () => {
        for (const text of ['2025', ' 2025-03 ', '2025-01-01..2025-06-30']) expect(isPeriod(text), text).toBe(true);
        for (const text of ['25', '2025-13', 'l\'an dernier', '']) expect(isPeriod(text), text).toBe(false);
        expect(defaultPeriod(new Date(2026, 1, 15))).toBe('2025');
    });
});
