import type { Recogniser } from './types.js';

const CN_DIGIT = '[零〇一二两三四五六七八九十百千万亿]';
const NUM = String.raw`(?:\d+(?:[.,]\d+)*|${CN_DIGIT}{1,8}(?:点${CN_DIGIT}{1,6})?)`;
const TIME_UNIT = '(?:毫秒|秒钟?|分钟|小时|个?工作日|个?自然日|天|日|周|星期|个月|月|季度|年)';

/** Chinese recognisers for the parts of a verifiable outcome. */
export const ZH_RECOGNISERS: Recogniser[] = [
  { id: 'percent', parts: ['target'], pattern: String.raw`(?:${NUM}\s?[%％]|百分之${NUM}|${NUM}个百分点|[一二三四五六七八九]成)` },
  { id: 'currency', parts: ['target'], pattern: String.raw`(?:[¥￥$]\s?${NUM}|${NUM}\s?(?:万元|亿元|元|人民币|美元|万))` },
  { id: 'quantity', parts: ['target'], pattern: String.raw`(?:${NUM}\s?(?:${TIME_UNIT}|[KMGTP]?B(?:ps)?|GB|TB|MB|倍|IOPS|QPS|TPS)|\d+(?:\.\d+)?\s?(?:次|个|台|条|笔|人|项|家|份|件|路|核))` },
  { id: 'nines', parts: ['target', 'metric'], pattern: String.raw`[三四五六]个9` },
  { id: 'threshold', parts: ['target'], pattern: String.raw`(?:不低于|不少于|不超过|不高于|不大于|不小于|至少|最多|最少|低于|高于|超过|达到|小于|大于|以内|以上|以下|≥|≤|<|>)\s?${NUM}` },
  { id: 'within', parts: ['window'], pattern: String.raw`${NUM}\s?${TIME_UNIT}(?:内|以内|之内)` },
  { id: 'deadline', parts: ['window'], pattern: String.raw`(?:在|于)?\d{4}年\d{1,2}月(?:\d{1,2}日)?(?:前|之前|以前)?|(?:上线|验收|签约|合同生效)(?:前|后${NUM}${TIME_UNIT})` },
  { id: 'period', parts: ['window'], pattern: String.raw`(?:每|按)(?:个)?(?:分钟|小时|天|日|周|月|季度|年)|(?:月度|季度|年度)` },
  { id: 'range', parts: ['baseline', 'target'], pattern: String.raw`从[^，。；\d]{0,6}${NUM}[^，。；\d]{0,6}(?:降至|提升至|提高到|降低到|缩短至|缩短到|提升到|到|至)${NUM}|(?<![\d.])\d+(?:\.\d+)?\s?[A-Za-z%％]{0,6}\s?(?:→|->|⟶|=>)\s?\d+` },
  { id: 'baseline', parts: ['baseline'], pattern: String.raw`(?:基线|基准|相比|相较|同比|环比|较上线前|较当前|与当前)` },
  { id: 'method', parts: ['method'], pattern: String.raw`(?:按照|根据|依据|以)[^，。；]{1,20}(?:计算|统计|测量|监控数据|为准)|计算公式|统计口径|测量方法` },
  { id: 'reference', parts: ['metric', 'target', 'method'], pattern: String.raw`(?:见|详见|参见|按照|依据|根据)?(?:附件|附录|第[一二三四五六七八九十\d]+[条章节款项])|(?:请)?(?:参见|详见|参阅)` },
  { id: 'acceptance', parts: ['method', 'target'], pattern: String.raw`(?:验收标准|验收测试|服务等级协议|服务水平协议|SLA|考核指标|成功标准|性能指标)` },
  { id: 'metric', parts: ['metric'], pattern: String.raw`(?:响应时间|时延|延迟|吞吐量|可用性|可用率|故障率|错误率|恢复时间|检测率|误报率|成本|费用|耗时|满意度|并发)` },
];
