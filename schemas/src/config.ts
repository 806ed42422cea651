import { z } from 'zod';
import { PiiType, Sensitivity } from './record';

const Port = z.number().int().min(1).max(65535);

export const RetentionClass = z.object({
  /** How long records of this class are kept, in days from when they occurred. */
  days: z.number().int().positive(),
  /** Write-once: S3 Object Lock (compliance mode) holds the sealed objects until retainUntil. */
  worm: z.boolean().default(false),
});
export type RetentionClass = z.infer<typeof RetentionClass>;

export const RedactOperator = z.enum(['mask', 'label', 'token']);
export type RedactOperator = z.infer<typeof RedactOperator>;

/** Topic → keywords, zh and en. Matched case-insensitively on full-width-folded text; an ASCII keyword must start a word. */
export const TopicRules = z.record(z.string().min(1), z.array(z.string().min(1)).min(1));
export type TopicRules = z.infer<typeof TopicRules>;

/** Health topics, zh and en: the `medical` topic and the `health` PIPL category both default to them. */
const MEDICAL_KEYWORDS = [
  '医院',
  '醫院',
  '病历',
  '病歷',
  '诊断',
  '診斷',
  '就医',
  '就醫',
  '住院',
  '手术',
  '手術',
  '处方',
  '處方',
  '体检',
  '體檢',
  '过敏',
  '過敏',
  '怀孕',
  '懷孕',
  '疾病',
  'medical',
  'hospital',
  'diagnos',
  'prescription',
  'allerg',
  'pregnan',
];

const DEFAULT_TOPICS: TopicRules = {
  complaint: ['投诉', '投訴', '举报', '舉報', '差评', '差評', 'complain'],
  refund: ['退款', '退货', '退貨', '退钱', '退錢', 'refund', 'money back'],
  billing: [
    '账单',
    '帳單',
    '賬單',
    '发票',
    '發票',
    '扣费',
    '扣費',
    '收费',
    '收費',
    '付款',
    'invoice',
    'billing',
    'charged',
  ],
  medical: [...MEDICAL_KEYWORDS],
  account: [
    '账号',
    '帳號',
    '賬號',
    '密码',
    '密碼',
    '登录',
    '登錄',
    '登入',
    '注册',
    '註冊',
    'login',
    'log in',
    'password',
  ],
  delivery: [
    '快递',
    '快遞',
    '物流',
    '发货',
    '發貨',
    '配送',
    '签收',
    '簽收',
    'delivery',
    'shipping',
    'parcel',
    'tracking',
  ],
  cancellation: ['取消订单', '取消訂單', '退订', '退訂', '解约', '解約', '注销', '註銷', 'cancel', 'unsubscribe'],
  privacy: [
    '个人信息',
    '個人信息',
    '個人資料',
    '隐私',
    '隱私',
    '删除我的',
    '刪除我的',
    'privacy',
    'personal data',
    'GDPR',
  ],
};

/**
 * A PIPL sensitive category (art. 28): a record is in it when it holds one of `piiTypes` (found with at least
 * `minConfidence`), is on one of `topics`, or mentions one of `keywords` — the keywords only together with an
 * age below `ageBelow` when that is set (`孩子` + `8岁`: a child under 14).
 */
export const PiplCategoryRule = z
  .strictObject({
    piiTypes: z.array(PiiType).default([]),
    topics: z.array(z.string().min(1)).default([]),
    keywords: z.array(z.string().min(1)).default([]),
    ageBelow: z.number().int().min(1).max(150).optional(),
  })
  .refine((r) => r.piiTypes.length + r.topics.length + r.keywords.length > 0, {
    message: 'a category needs at least one of piiTypes, topics or keywords',
  });
export type PiplCategoryRule = z.infer<typeof PiplCategoryRule>;

const category = (rule: Partial<PiplCategoryRule>) => () => ({ piiTypes: [], topics: [], keywords: [], ...rule });

/**
 * The PIPL categories classification records, with defaults for the five it knows; more may be added. The
 * `identity` and `financial` categories also escalate sensitivity (see `classify`).
 */
export const PiplCategoryRules = z
  .object({
    identity: PiplCategoryRule.default(
      category({
        piiTypes: [
          'CN_RESIDENT_ID',
          'CN_PASSPORT',
          'HK_ID',
          'MO_ID',
          'TW_NATIONAL_ID',
          'CN_HOME_RETURN_PERMIT',
          'CN_TW_PERMIT',
          'US_SSN',
        ],
      }),
    ),
    financial: PiplCategoryRule.default(category({ piiTypes: ['CN_BANK_CARD', 'CREDIT_CARD', 'IBAN'] })),
    health: PiplCategoryRule.default(category({ keywords: [...MEDICAL_KEYWORDS] })),
    minor: PiplCategoryRule.default(
      category({
        keywords: [
          '未成年',
          '孩子',
          '小孩',
          '儿童',
          '兒童',
          '学生',
          '學生',
          '小学',
          '小學',
          '女儿',
          '女兒',
          '儿子',
          '兒子',
          '宝宝',
          '寶寶',
          'child',
          'kid',
          'daughter',
          'student',
          'minor',
        ],
        ageBelow: 14,
      }),
    ),
    location: PiplCategoryRule.default(category({ piiTypes: ['ADDRESS'] })),
  })
  .catchall(PiplCategoryRule)
  .prefault({});
export type PiplCategoryRules = z.infer<typeof PiplCategoryRules>;

/**
 * Picks a record's retention class: the first rule whose `when` holds wins. Every condition given must hold; a
 * list holds when any of its entries does; `when: {}` holds for every record.
 */
export const RetentionRule = z.strictObject({
  when: z.strictObject({
    piplCategories: z.array(z.string().min(1)).min(1).optional(),
    topics: z.array(z.string().min(1)).min(1).optional(),
    piiTypes: z.array(PiiType).min(1).optional(),
    minSensitivity: Sensitivity.optional(),
    piplSensitive: z.boolean().optional(),
  }),
  class: z.string().min(1),
});
export type RetentionRule = z.infer<typeof RetentionRule>;

export const ClassificationPolicy = z
  .object({
    topics: TopicRules.default(() => structuredClone(DEFAULT_TOPICS)),
    /** A record on one of these topics is PIPL-sensitive personal information (health, finance…). */
    sensitiveTopics: z.array(z.string().min(1)).default(() => ['medical']),
    /** Findings below this confidence are still redacted but do not raise sensitivity or PII types. */
    minConfidence: z.number().min(0).max(1).default(0.5),
    /** This many distinct identity-document numbers in one record make it L4 (bulk identity data). */
    bulkIdentityThreshold: z.number().int().min(2).default(3),
    piplCategories: PiplCategoryRules,
    /**
     * Tried in order before the fallback: the sensitive retention class at L3 and above or when PIPL-sensitive,
     * else the default class. E.g. `[{ when: { piplCategories: ['health'] }, class: 'regulated' }]`.
     */
    retentionRules: z.array(RetentionRule).default([]),
  })
  .prefault({})
  .superRefine((c, ctx) => {
    const topic = (name: string, path: (string | number)[]) => {
      if (!(name in c.topics))
        ctx.addIssue({ code: 'custom', path, message: `topic "${name}" is not defined in topics` });
    };
    for (const [name, rule] of Object.entries(c.piplCategories)) {
      rule.topics.forEach((t, i) => {
        topic(t, ['piplCategories', name, 'topics', i]);
      });
    }
    c.retentionRules.forEach((rule, i) => {
      rule.when.topics?.forEach((t, j) => {
        topic(t, ['retentionRules', i, 'when', 'topics', j]);
      });
      rule.when.piplCategories?.forEach((name, j) => {
        if (!(name in c.piplCategories)) {
          ctx.addIssue({
            code: 'custom',
            path: ['retentionRules', i, 'when', 'piplCategories', j],
            message: `PIPL category "${name}" is not defined in piplCategories`,
          });
        }
      });
    });
  });
export type ClassificationPolicy = z.infer<typeof ClassificationPolicy>;

export const Policy = z
  .object({
    /** Addresses at these domains are the company's agents; everyone else in a conversation is a customer. */
    agentDomains: z.array(z.string().toLowerCase()).default([]),
    retentionClasses: z.record(z.string(), RetentionClass).default({
      standard: { days: 365 * 3, worm: false },
      regulated: { days: 365 * 5, worm: true },
    }),
    /** The class a record gets when no rule picks another. */
    defaultRetentionClass: z.string().default('standard'),
    /** Records at L3 or above, or PIPL-sensitive, go to this class. */
    sensitiveRetentionClass: z.string().default('regulated'),
    /** Per PII type; a type not named here is masked. */
    operators: z.partialRecord(PiiType, RedactOperator).default({}),
    /** Regions (ISO 3166 alpha-2) whose phone numbers are looked for besides mainland ones. */
    phoneRegions: z.array(z.string().length(2).toUpperCase()).default(['CN', 'HK', 'MO', 'TW', 'US', 'GB', 'SG']),
    classification: ClassificationPolicy,
  })
  .prefault({})
  .superRefine((p, ctx) => {
    for (const name of [p.defaultRetentionClass, p.sensitiveRetentionClass]) {
      if (!(name in p.retentionClasses)) {
        ctx.addIssue({ code: 'custom', message: `retention class "${name}" is not defined in retentionClasses` });
      }
    }
    p.classification.retentionRules.forEach((rule, i) => {
      if (!(rule.class in p.retentionClasses)) {
        ctx.addIssue({
          code: 'custom',
          path: ['classification', 'retentionRules', i, 'class'],
          message: `retention class "${rule.class}" is not defined in retentionClasses`,
        });
      }
    });
    for (const topic of p.classification.sensitiveTopics) {
      if (!(topic in p.classification.topics)) {
        ctx.addIssue({
          code: 'custom',
          path: ['classification', 'sensitiveTopics'],
          message: `sensitive topic "${topic}" is not defined in classification.topics`,
        });
      }
    }
  });
export type Policy = z.infer<typeof Policy>;

export const QueueConfig = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('embedded') }),
  z.object({ kind: z.literal('bullmq'), redisUrl: z.string().url(), prefix: z.string().default('custodian') }),
]);

export const BlobConfig = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fs'), dir: z.string().min(1) }),
  z.object({
    kind: z.literal('s3'),
    endpoint: z.string().url().optional(),
    region: z.string().default('us-east-1'),
    bucket: z.string().min(3),
    accessKeyId: z.string().min(1),
    secretAccessKey: z.string().min(1),
    forcePathStyle: z.boolean().default(true),
  }),
]);

export const CatalogConfig = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pglite'), dir: z.string().min(1) }),
  z.object({ kind: z.literal('postgres'), url: z.string().min(1), poolSize: z.number().int().positive().default(10) }),
]);

export const IndexConfig = z.discriminatedUnion('kind', [
  /** Full-text search inside the catalog database (PostgreSQL or PGlite). */
  z.object({ kind: z.literal('postgres') }),
  z.object({ kind: z.literal('elasticsearch'), url: z.string().url(), indexPrefix: z.string().default('custodian') }),
]);

export const ImapSource = z.object({
  /** Names this source in checkpoints and record provenance; keep it stable. */
  id: z
    .string()
    .min(1)
    .regex(/^[A-Za-z0-9._@:-]+$/),
  host: z.string().min(1),
  port: Port.default(993),
  secure: z.boolean().default(true),
  user: z.string().min(1),
  password: z.string().min(1),
  folders: z.array(z.string().min(1)).min(1).default(['INBOX']),
  /** `idle` waits for new mail with IMAP IDLE; `poll` checks every pollSeconds; `once` drains and exits. */
  mode: z.enum(['idle', 'poll', 'once']).default('idle'),
  pollSeconds: z.number().int().positive().default(60),
  batchSize: z.number().int().positive().max(1000).default(50),
});
export type ImapSource = z.infer<typeof ImapSource>;

export const Config = z.object({
  profile: z.enum(['embedded', 'server']).default('embedded'),
  tenant: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .default('default'),
  /** Where the embedded profile keeps its database, blobs and keyring. */
  dataDir: z.string().default('.custodian'),
  keyring: z.object({ path: z.string().min(1) }).optional(),
  queue: QueueConfig.default({ kind: 'embedded' }),
  blobs: BlobConfig.optional(),
  catalog: CatalogConfig.optional(),
  index: IndexConfig.default({ kind: 'postgres' }),
  api: z.object({ host: z.string().default('127.0.0.1'), port: Port.default(8080) }).prefault({}),
  worker: z
    .object({
      concurrency: z.number().int().positive().max(64).default(4),
      attempts: z.number().int().positive().max(50).default(5),
      backoffMs: z.number().int().nonnegative().default(2000),
    })
    .prefault({}),
  policy: Policy,
  connectors: z.object({ imap: z.array(ImapSource).default([]) }).prefault({}),
  log: z
    .object({ level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info') })
    .prefault({}),
});
export type Config = z.infer<typeof Config>;
export type ConfigInput = z.input<typeof Config>;
