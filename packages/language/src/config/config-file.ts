import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { diagnosticRegistry, isConfigurable } from '../diagnostics/registry.js';
import { format, type LocaleSetting } from '../i18n/locale.js';
import { nearest } from '../model/text.js';
import { FRENCH_RULE_LEVELS, RULE_LEVELS, toRuleLevel, type RuleLevel } from './rule-settings.js';

const FRENCH_LEVEL_NAME: Record<string, string> = { error: 'erreur', warning: 'avertissement', info: 'info', off: 'désactivé' };

/** Name of the configuration file at the root of a workspace. */
export const CONFIG_FILE_NAME = 'coop.config.json';

export interface CoopConfig {
    rules: Record<string, RuleLevel>;
}

/** A configuration file that cannot be used, with the position of the problem (1-based). */
export class ConfigError extends Error {
    constructor(message: string, readonly line: number, readonly column: number) {
        super(message);
    }
}

const messages = {
    syntax: { fr: 'JSON invalide : {detail}', en: 'invalid JSON: {detail}' },
    notObject: { fr: 'le fichier doit contenir un objet JSON { "rules": { … } }', en: 'the file must hold a JSON object { "rules": { … } }' },
    unknownKey: { fr: 'clé inconnue « {key} » (clés admises : "$schema", "rules")', en: 'unknown key "{key}" (allowed keys: "$schema", "rules")' },
    rulesNotObject: { fr: '« rules » doit être un objet { "code-de-règle": "erreur" | "avertissement" | "info" | "désactivé" }', en: '"rules" must be an object { "rule-code": "error" | "warning" | "info" | "off" }' },
    unknownRule: { fr: 'règle inconnue « {code} »{suggestion} ; « coop rules » liste les règles', en: 'unknown rule "{code}"{suggestion}; "coop rules" lists the rules' },
    notConfigurable: { fr: '« {code} » est un diagnostic du langage : il ne se configure pas', en: '"{code}" is a language diagnostic: it cannot be configured' },
    badLevel: {
        fr: 'niveau invalide pour « {code} » : attendu "erreur", "avertissement", "info" ou "désactivé" (ou "error", "warning", "off")',
        en: 'invalid level for "{code}": expected "error", "warning", "info" or "off" (or "erreur", "avertissement", "désactivé")'
    }
};

/**
 * Reads `coop.config.json` (comments and trailing commas tolerated). Throws a ConfigError naming
 * the line and column of the first problem; an unknown rule code is an error, not silently ignored.
 */
export function parseConfig(text: string, locale: LocaleSetting): CoopConfig {
    const position = (offset: number) => {
        const before = text.slice(0, offset).split('\n');
        return [before.length, before[before.length - 1].length + 1] as const;
    };
    const fail = (message: string, offset: number): never => {
        const [line, column] = position(offset);
        throw new ConfigError(message, line, column);
    };
    const errors: ParseError[] = [];
    const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    if (errors.length > 0) fail(format(locale.pick(messages.syntax), { detail: printParseErrorCode(errors[0].error) }), errors[0].offset);
    if (!root || root.type !== 'object') return fail(locale.pick(messages.notObject), root?.offset ?? 0);
    for (const property of root.children ?? []) {
        const key = property.children?.[0];
        if (key && key.value !== '$schema' && key.value !== 'rules') fail(format(locale.pick(messages.unknownKey), { key: String(key.value) }), key.offset);
    }
    const rulesNode = findNodeAtLocation(root, ['rules']);
    const rules: Record<string, RuleLevel> = {};
    if (!rulesNode) return { rules };
    if (rulesNode.type !== 'object') return fail(locale.pick(messages.rulesNotObject), rulesNode.offset);
    for (const property of rulesNode.children ?? []) {
        const [keyNode, valueNode] = property.children as [Node, Node | undefined];
        const code = String(keyNode.value);
        if (!diagnosticRegistry.has(code)) {
            const guess = nearest(code, diagnosticRegistry.keys());
            const suggestion = guess ? locale.pick({ fr: ` (vouliez-vous dire « ${guess} » ?)`, en: ` (did you mean "${guess}"?)` }) : '';
            fail(format(locale.pick(messages.unknownRule), { code, suggestion }), keyNode.offset);
        }
        if (!isConfigurable(code)) fail(format(locale.pick(messages.notConfigurable), { code }), keyNode.offset);
        const level = toRuleLevel(valueNode ? getNodeValue(valueNode) : undefined);
        if (!level) return fail(format(locale.pick(messages.badLevel), { code }), valueNode?.offset ?? keyNode.offset);
        rules[code] = level;
    }
    return { rules };
}

/** The JSON Schema of `coop.config.json`, from the registry (shipped as schema/coop.config.schema.json). */
export function configSchema(): object {
    const configurable = [...diagnosticRegistry.values()].filter(definition => isConfigurable(definition.code));
    return {
        $schema: 'http://json-schema.org/draft-07/schema#',
        $id: 'https://coop.local/schema/coop.config.schema.json',
        title: 'coop.config.json',
        description: 'Configuration des règles de coop : niveau de chaque règle (erreur, avertissement, info, désactivé ; ou error, warning, info, off).',
        type: 'object',
        additionalProperties: false,
        properties: {
            $schema: { type: 'string' },
            rules: {
                type: 'object',
                description: 'Code de règle → niveau. Les règles absentes gardent leur niveau par défaut.',
                additionalProperties: false,
                properties: Object.fromEntries(configurable.map(definition => [definition.code, {
                    description: `${definition.title.fr}${definition.legalBasis ? ` (${definition.legalBasis})` : ''}. Par défaut : ${FRENCH_LEVEL_NAME[definition.severity]}.`,
                    enum: [...new Set([...Object.keys(FRENCH_RULE_LEVELS), ...RULE_LEVELS])]
                }]))
            }
        }
    };
}
