/**
 * The built-in names dictionary: major crypto assets and large listed companies, in English,
 * Simplified and Traditional Chinese. Curated by hand; asset hints use `cg:<CoinGecko id>` and
 * `stock:<US ticker>` (both checked against the shared fixtures by test/unit/detect/names.test.ts).
 *
 * The table below uses a compact notation, expanded into NameEntry objects (DEFAULT_NAMES):
 *   'Bitcoin'   matches in any case (Bitcoin, bitcoin, BITCOIN): the word means nothing else;
 *   '=Tesla'    caseSensitive: "Tesla" or "TESLA", never "tesla" (the unit), likewise "ripple", "micron";
 *   '~Tesla'    a company named after a famous person: caseSensitive, and written alone it counts
 *               only where the text shows a company or a market (person-names.ts), its own `context`
 *               words included ("Tesla Model Y", not "Tesla Understood Something We've Forgotten");
 *   '?Meta'     ambiguous: capitalised AND confirmed by context (rule in name-matcher.ts), because
 *               "Meta", "Block", "Render", "Near", "Strategy", 苹果 are also ordinary words.
 * A multi-word name ("Meta Platforms", "Near Protocol") is a separate, unambiguous entry: the longest
 * entry wins, so the qualified form needs no context.
 *
 * Latin names match whole words only: "Bitcoin" matches in "Bitcoin's" and "Bitcoin-based" but not in
 * "Bitcoiner" or "Bitcoiners" (those name people, not the asset), and "Meta" never in "Metaverse".
 * Chinese names match anywhere inside CJK text, since Chinese has no spaces between words.
 */
import { TRADE_WORDS } from './person-names';
import type { NameDomain, NameEntry, NameLang } from './types';

interface Group {
  key: string;
  asset?: string;
  en?: readonly string[];
  /** Simplified Chinese */
  hans?: readonly string[];
  /** Traditional Chinese */
  hant?: readonly string[];
  /** Chinese written the same in both scripts */
  zh?: readonly string[];
  /** Japanese and Korean names of the majors, as exchanges and CoinGecko write them */
  ja?: readonly string[];
  ko?: readonly string[];
  /** For ambiguous spellings: tickers that confirm the name nearby. */
  symbols?: readonly string[];
  /** For ambiguous and person-named ('~') spellings: extra confirming words (lower case). */
  context?: readonly string[];
  domain?: NameDomain;
}

const GROUPS: readonly Group[] = [
  // ── crypto ──────────────────────────────────────────────────────────────────
  {
    key: 'bitcoin',
    asset: 'cg:bitcoin',
    en: ['Bitcoin'],
    hans: ['比特币'],
    hant: ['比特幣'],
    ja: ['ビットコイン'],
    ko: ['비트코인'],
  },
  {
    key: 'bitcoin-cash',
    asset: 'cg:bitcoin-cash',
    en: ['Bitcoin Cash'],
    hans: ['比特币现金'],
    hant: ['比特幣現金'],
  },
  {
    key: 'ethereum',
    asset: 'cg:ethereum',
    en: ['Ethereum', '=Ether'],
    zh: ['以太坊'],
    ja: ['イーサリアム'],
    ko: ['이더리움'],
    hans: ['以太币'],
    hant: ['以太幣'],
  },
  {
    key: 'ethereum-classic',
    asset: 'cg:ethereum-classic',
    en: ['Ethereum Classic'],
    hans: ['以太经典'],
    hant: ['以太經典'],
  },
  {
    key: 'solana',
    asset: 'cg:solana',
    en: ['Solana'],
    hans: ['索拉纳'],
    hant: ['索拉納'],
    ja: ['ソラナ'],
    ko: ['솔라나'],
  },
  {
    key: 'dogecoin',
    asset: 'cg:dogecoin',
    en: ['Dogecoin'],
    hans: ['狗狗币'],
    hant: ['狗狗幣'],
    ja: ['ドージコイン'],
    ko: ['도지코인'],
  },
  { key: 'ripple', asset: 'cg:ripple', en: ['=Ripple'], hans: ['瑞波币', '瑞波'], hant: ['瑞波幣'] },
  {
    key: 'cardano',
    asset: 'cg:cardano',
    en: ['Cardano'],
    hans: ['艾达币', '卡尔达诺'],
    hant: ['艾達幣', '卡爾達諾'],
  },
  { key: 'tron', asset: 'cg:tron', en: ['=Tron'], hans: ['波场'], hant: ['波場'] },
  { key: 'chainlink', asset: 'cg:chainlink', en: ['Chainlink'] },
  { key: 'hyperliquid', asset: 'cg:hyperliquid', en: ['Hyperliquid'] },
  { key: 'bittensor', asset: 'cg:bittensor', en: ['Bittensor'] },
  { key: 'starknet', asset: 'cg:starknet', en: ['Starknet'] },
  { key: 'litecoin', asset: 'cg:litecoin', en: ['Litecoin'], hans: ['莱特币'], hant: ['萊特幣'] },
  { key: 'polkadot', asset: 'cg:polkadot', en: ['Polkadot'], zh: ['波卡'] },
  { key: 'avalanche', asset: 'cg:avalanche-2', en: ['=Avalanche'] },
  { key: 'shiba-inu', asset: 'cg:shiba-inu', en: ['Shiba Inu'], hans: ['柴犬币'], hant: ['柴犬幣'] },
  { key: 'toncoin', asset: 'cg:the-open-network', en: ['Toncoin'] },
  { key: 'uniswap', asset: 'cg:uniswap', en: ['Uniswap'] },
  { key: 'aave', asset: 'cg:aave', en: ['Aave'] },
  { key: 'arbitrum', asset: 'cg:arbitrum', en: ['Arbitrum'] },
  { key: 'optimism', asset: 'cg:optimism', en: ['?Optimism'], symbols: ['OP'] },
  { key: 'cosmos', asset: 'cg:cosmos', en: ['?Cosmos', 'Cosmos Hub'], symbols: ['ATOM'] },
  {
    key: 'stellar',
    asset: 'cg:stellar',
    en: ['?Stellar'],
    hans: ['恒星币'],
    hant: ['恆星幣'],
    symbols: ['XLM'],
  },
  { key: 'monero', asset: 'cg:monero', en: ['Monero'], hans: ['门罗币'], hant: ['門羅幣'] },
  { key: 'sui', asset: 'cg:sui', en: ['=Sui'] },
  { key: 'aptos', asset: 'cg:aptos', en: ['Aptos'] },
  { key: 'filecoin', asset: 'cg:filecoin', en: ['Filecoin'] },
  { key: 'kaspa', asset: 'cg:kaspa', en: ['Kaspa'] },
  { key: 'ethena', asset: 'cg:ethena', en: ['Ethena'] },
  { key: 'ondo', asset: 'cg:ondo-finance', en: ['=Ondo', 'Ondo Finance'] },
  {
    key: 'jupiter',
    asset: 'cg:jupiter-exchange-solana',
    en: ['?Jupiter', 'Jupiter Exchange'],
    symbols: ['JUP'],
  },
  { key: 'celestia', asset: 'cg:celestia', en: ['Celestia'] },
  { key: 'injective', asset: 'cg:injective-protocol', en: ['=Injective'] },
  { key: 'worldcoin', asset: 'cg:worldcoin-wld', en: ['Worldcoin'] },
  { key: 'arweave', asset: 'cg:arweave', en: ['Arweave'] },
  { key: 'berachain', asset: 'cg:berachain-bera', en: ['Berachain'] },
  { key: 'bonk', asset: 'cg:bonk', en: ['=Bonk'] },
  { key: 'dogwifhat', asset: 'cg:dogwifcoin', en: ['dogwifhat'] },
  { key: 'fartcoin', asset: 'cg:fartcoin', en: ['Fartcoin'] },
  { key: 'pepe', asset: 'cg:pepe', en: ['?Pepe'], symbols: ['PEPE'] },
  { key: 'near', asset: 'cg:near', en: ['?Near', 'NEAR Protocol'], symbols: ['NEAR'] },
  { key: 'render', asset: 'cg:render-token', en: ['?Render', 'Render Network'], symbols: ['RENDER', 'RNDR'] },
  {
    key: 'the-graph',
    asset: 'cg:the-graph',
    en: ['?The Graph'],
    symbols: ['GRT'],
    context: ['subgraph', 'subgraphs', 'indexing'],
  },
  {
    key: 'compound',
    asset: 'cg:compound-governance-token',
    en: ['?Compound', 'Compound Finance'],
    symbols: ['COMP'],
  },
  // Sonic was Fantom until 2024: its old ticker FTM confirms it too ("Sonic (prev. FTM)")
  { key: 'sonic', asset: 'cg:sonic-3', en: ['?Sonic', 'Sonic Labs'], symbols: ['S', 'FTM'] },
  { key: 'tether', asset: 'cg:tether', en: ['=Tether'], hans: ['泰达币'], hant: ['泰達幣'] },
  { key: 'usd-coin', asset: 'cg:usd-coin', en: ['USD Coin'] },
  { key: 'bnb', asset: 'cg:binancecoin', en: ['Binance Coin'], hans: ['币安币'], hant: ['幣安幣'] },
  { key: 'lido', asset: 'cg:lido-dao', en: ['=Lido', 'Lido DAO'] },
  { key: 'maker', asset: 'cg:maker', en: ['MakerDAO'] },
  { key: 'hedera', asset: 'cg:hedera-hashgraph', en: ['Hedera'] },
  { key: 'algorand', asset: 'cg:algorand', en: ['Algorand'] },
  { key: 'vechain', asset: 'cg:vechain', en: ['VeChain'] },
  { key: 'tezos', asset: 'cg:tezos', en: ['Tezos'] },
  { key: 'zcash', asset: 'cg:zcash', en: ['Zcash'] },
  { key: 'pendle', asset: 'cg:pendle', en: ['Pendle'] },
  { key: 'eigenlayer', asset: 'cg:eigenlayer', en: ['EigenLayer'] },
  { key: 'mantle', asset: 'cg:mantle', en: ['?Mantle'], symbols: ['MNT'] },
  { key: 'polygon', asset: 'cg:polygon-ecosystem-token', en: ['=Polygon'] },
  { key: 'internet-computer', asset: 'cg:internet-computer', en: ['=Internet Computer'] },
  { key: 'pi-network', asset: 'cg:pi-network', en: ['Pi Network'] },
  { key: 'official-trump', asset: 'cg:official-trump', en: ['=Official Trump'] },
  { key: 'notcoin', asset: 'cg:notcoin', en: ['Notcoin'] },
  { key: 'qubic', asset: 'cg:qubic-network', en: ['Qubic'] },
  { key: 'pump-fun', asset: 'cg:pump-fun', en: ['Pump.fun'] },
  { key: 'world-liberty-financial', asset: 'cg:world-liberty-financial', en: ['World Liberty Financial'] },
  { key: 'pudgy-penguins', asset: 'cg:pudgy-penguins', en: ['=Pudgy Penguins'] },
  { key: 'floki', asset: 'cg:floki', en: ['=Floki'] },
  { key: 'stacks', asset: 'cg:blockstack', en: ['?Stacks'], symbols: ['STX'] },
  { key: 'cronos', asset: 'cg:crypto-com-chain', en: ['=Cronos'] },
  { key: 'monad', asset: 'cg:monad', en: ['?Monad'], symbols: ['MON'] },
  { key: 'spx6900', asset: 'cg:spx6900', en: ['SPX6900'] },
  { key: 'peanut-the-squirrel', asset: 'cg:peanut-the-squirrel', en: ['=Peanut the Squirrel'] },
  { key: 'aster', asset: 'cg:aster-2', en: ['?Aster'], symbols: ['ASTER'] },

  // ── listed companies ────────────────────────────────────────────────────────
  { key: 'nvidia', asset: 'stock:NVDA', en: ['NVIDIA'], hans: ['英伟达', '辉达'], hant: ['輝達', '英偉達'] },
  {
    key: 'tsmc',
    asset: 'stock:TSM',
    en: ['=TSMC', 'Taiwan Semiconductor'],
    hans: ['台积电'],
    hant: ['台積電'],
  },
  { key: 'micron', asset: 'stock:MU', en: ['=Micron', 'Micron Technology'], zh: ['美光'] },
  {
    key: 'tesla',
    asset: 'stock:TSLA',
    en: ['~Tesla'],
    zh: ['特斯拉'],
    // Its people, products and places, as owners and reporters write them ("hw4": its self-driving
    // computer). Nothing of the inventor's: no coil, current, energy or wireless.
    context: [
      'elon',
      'musk',
      'ev',
      'evs',
      'car',
      'cars',
      'vehicle',
      'vehicles',
      'model',
      'cybertruck',
      'cybercab',
      'cybercabs',
      'robotaxi',
      'robotaxis',
      'optimus',
      'fsd',
      'autopilot',
      'supercharger',
      'superchargers',
      'megapack',
      'powerwall',
      'gigafactory',
      'giga',
      'semi',
      'hw3',
      'hw4',
      'sales',
      'deliveries',
      'factory',
      'software',
      'spacex',
      'xai',
      'neuralink',
    ],
  },
  { key: 'rivian', asset: 'stock:RIVN', en: ['=Rivian'] },
  {
    key: 'strategy',
    asset: 'stock:MSTR',
    en: ['MicroStrategy', '?Strategy'],
    zh: ['微策略'],
    symbols: ['MSTR'],
    context: ['saylor', 'bitcoin', 'btc', 'treasury'],
    domain: 'company',
  },
  {
    key: 'apple',
    asset: 'stock:AAPL',
    en: ['?Apple'],
    hans: ['?苹果'],
    hant: ['?蘋果'],
    symbols: ['AAPL'],
    context: ['iphone'],
  },
  { key: 'microsoft', asset: 'stock:MSFT', en: ['Microsoft'], hans: ['微软'], hant: ['微軟'] },
  { key: 'amazon', asset: 'stock:AMZN', en: ['=Amazon'], hans: ['亚马逊'], hant: ['亞馬遜'] },
  { key: 'alphabet', asset: 'stock:GOOGL', en: ['=Alphabet', '=Google'], zh: ['谷歌'] },
  {
    key: 'meta',
    asset: 'stock:META',
    en: ['?Meta', 'Meta Platforms', 'Facebook'],
    hans: ['脸书'],
    hant: ['臉書'],
    symbols: ['META'],
  },
  { key: 'broadcom', asset: 'stock:AVGO', en: ['Broadcom'], zh: ['博通'] },
  {
    key: 'amd',
    asset: 'stock:AMD',
    en: ['=AMD', 'Advanced Micro Devices'],
    zh: ['超威半导体'],
    hans: ['超威'],
  },
  { key: 'intel', asset: 'stock:INTC', en: ['=Intel'], hans: ['英特尔'], hant: ['英特爾'] },
  { key: 'coinbase', asset: 'stock:COIN', en: ['Coinbase'] },
  { key: 'robinhood', asset: 'stock:HOOD', en: ['=Robinhood'], hans: ['罗宾汉'], hant: ['羅賓漢'] },
  {
    key: 'block',
    asset: 'stock:XYZ',
    en: ['?Block'],
    symbols: ['XYZ', 'SQ'],
    context: ['dorsey', 'square', 'cashapp'],
  },
  {
    key: 'circle',
    asset: 'stock:CRCL',
    en: ['?Circle', 'Circle Internet'],
    symbols: ['CRCL'],
    context: ['usdc', 'stablecoin'],
  },
  { key: 'palantir', asset: 'stock:PLTR', en: ['Palantir'], hans: ['帕兰提尔'], hant: ['帕蘭提爾'] },
  { key: 'netflix', asset: 'stock:NFLX', en: ['Netflix'], hans: ['奈飞', '网飞'], hant: ['網飛'] },
  {
    key: 'oracle',
    asset: 'stock:ORCL',
    en: ['?Oracle'],
    zh: ['?甲骨文'],
    symbols: ['ORCL'],
    context: ['ellison', 'cloud'],
    domain: 'company',
  },
  { key: 'qualcomm', asset: 'stock:QCOM', en: ['Qualcomm'], zh: ['高通'] },
  { key: 'asml', asset: 'stock:ASML', en: ['=ASML'], hans: ['阿斯麦'], hant: ['艾司摩爾'] },
  { key: 'arm', asset: 'stock:ARM', en: ['Arm Holdings'], zh: ['安谋'] },
  {
    key: 'supermicro',
    asset: 'stock:SMCI',
    en: ['Supermicro', 'Super Micro'],
    hans: ['超微电脑'],
    hant: ['美超微'],
  },
  { key: 'alibaba', asset: 'stock:BABA', en: ['Alibaba'], zh: ['阿里巴巴'] },
  { key: 'baidu', asset: 'stock:BIDU', en: ['Baidu'], zh: ['百度'] },
  { key: 'jd', asset: 'stock:JD', en: ['JD.com'], hans: ['京东'], hant: ['京東'] },
  { key: 'pdd', asset: 'stock:PDD', en: ['Pinduoduo', 'PDD Holdings'], zh: ['拼多多'] },
  { key: 'nio', asset: 'stock:NIO', hans: ['蔚来'], hant: ['蔚來'] },
  {
    key: 'xpeng',
    asset: 'stock:XPEV',
    en: ['XPeng'],
    hans: ['小鹏汽车', '小鹏'],
    hant: ['小鵬汽車', '小鵬'],
  },
  { key: 'li-auto', asset: 'stock:LI', en: ['Li Auto'], hans: ['理想汽车'], hant: ['理想汽車'] },
  { key: 'tencent', en: ['Tencent'], hans: ['腾讯'], hant: ['騰訊'] },
  { key: 'blackrock', asset: 'stock:BLK', en: ['BlackRock'], hans: ['贝莱德'], hant: ['貝萊德'] },
  {
    key: 'jpmorgan',
    asset: 'stock:JPM',
    en: ['JPMorgan', 'JPMorgan Chase', 'J.P. Morgan'],
    zh: ['摩根大通'],
  },
  {
    key: 'berkshire',
    asset: 'stock:BRK-B',
    en: ['Berkshire Hathaway'],
    hans: ['伯克希尔'],
    hant: ['波克夏'],
  },
  { key: 'gamestop', asset: 'stock:GME', en: ['GameStop'] },
  { key: 'mara', asset: 'stock:MARA', en: ['Marathon Digital', 'MARA Holdings'] },
  { key: 'riot', asset: 'stock:RIOT', en: ['Riot Platforms'] },
  { key: 'cleanspark', asset: 'stock:CLSK', en: ['CleanSpark'] },
  { key: 'galaxy-digital', asset: 'stock:GLXY', en: ['Galaxy Digital'] },
  // listed bitcoin miners and treasury companies
  { key: 'hut-8', asset: 'stock:HUT', en: ['=Hut 8'] },
  { key: 'core-scientific', asset: 'stock:CORZ', en: ['Core Scientific'] },
  { key: 'cipher-mining', asset: 'stock:CIFR', en: ['Cipher Mining'] },
  { key: 'bitfarms', asset: 'stock:BITF', en: ['Bitfarms'] },
  { key: 'bit-digital', asset: 'stock:BTBT', en: ['Bit Digital'] },
  { key: 'iren', asset: 'stock:IREN', en: ['=IREN'] },
  { key: 'terawulf', asset: 'stock:WULF', en: ['TeraWulf'] },
  { key: 'hive-digital', asset: 'stock:HIVE', en: ['HIVE Digital', 'Hive Blockchain'] },
  { key: 'exodus', asset: 'stock:EXOD', en: ['Exodus Movement'] },
  { key: 'trump-media', asset: 'stock:DJT', en: ['Trump Media'] },
  { key: 'salesforce', asset: 'stock:CRM', en: ['Salesforce'], zh: ['赛富时'] },
  { key: 'paypal', asset: 'stock:PYPL', en: ['PayPal'], hans: ['贝宝'] },
  { key: 'shopify', asset: 'stock:SHOP', en: ['Shopify'] },
  { key: 'uber', asset: 'stock:UBER', en: ['=Uber'], hans: ['优步'], hant: ['優步'] },
  { key: 'walmart', asset: 'stock:WMT', en: ['Walmart'], hans: ['沃尔玛'], hant: ['沃爾瑪'] },
  { key: 'visa', asset: 'stock:V', en: ['?Visa'], zh: ['维萨'], symbols: ['V'] },
  { key: 'mastercard', asset: 'stock:MA', en: ['Mastercard'], hans: ['万事达'], hant: ['萬事達'] },
  { key: 'eli-lilly', asset: 'stock:LLY', en: ['Eli Lilly'], zh: ['礼来'] },
  // Chinese names of large US-listed companies, as Chinese finance news writes them; those that are
  // also words (百事 'all things', 花旗 the US flag in 花旗参, 强生 a given name) need company context
  { key: 'boeing', asset: 'stock:BA', en: ['Boeing'], zh: ['波音'] },
  { key: 'coca-cola', asset: 'stock:KO', en: ['Coca-Cola'], hans: ['可口可乐'], hant: ['可口可樂'] },
  // The Walt Disney Company: its founder's full name is also its own ("Walt Disney shares")
  { key: 'disney', asset: 'stock:DIS', en: ['=Disney', '=Walt Disney'], hans: ['迪士尼'] },
  { key: 'nike', asset: 'stock:NKE', en: ['=Nike'], zh: ['耐克'] },
  { key: 'starbucks', asset: 'stock:SBUX', en: ['Starbucks'], zh: ['星巴克'] },
  { key: 'mcdonalds', asset: 'stock:MCD', en: ["McDonald's"], hans: ['麦当劳'], hant: ['麥當勞'] },
  { key: 'goldman-sachs', asset: 'stock:GS', en: ['Goldman Sachs'], zh: ['高盛'] },
  { key: 'morgan-stanley', asset: 'stock:MS', en: ['Morgan Stanley'], zh: ['摩根士丹利'] },
  { key: 'exxon', asset: 'stock:XOM', en: ['ExxonMobil', 'Exxon Mobil'], zh: ['埃克森美孚'] },
  { key: 'pfizer', asset: 'stock:PFE', en: ['Pfizer'], zh: ['辉瑞'] },
  { key: 'cisco', asset: 'stock:CSCO', en: ['=Cisco'], zh: ['思科'] },
  { key: 'dell', asset: 'stock:DELL', en: ['=Dell'], zh: ['戴尔'] },
  { key: 'ibm', asset: 'stock:IBM', en: ['=IBM'] },
  { key: 'costco', asset: 'stock:COST', en: ['=Costco'], hans: ['好市多', '开市客'] },
  { key: 'adobe', asset: 'stock:ADBE', en: ['=Adobe'], zh: ['奥多比'] },
  { key: 'netease', asset: 'stock:NTES', en: ['NetEase'], hans: ['网易'], hant: ['網易'] },
  { key: 'bilibili', asset: 'stock:BILI', en: ['Bilibili'], hans: ['哔哩哔哩', 'B站'] },
  { key: 'futu', asset: 'stock:FUTU', en: ['Futu'], hans: ['富途'] },
  { key: 'snowflake', asset: 'stock:SNOW', en: ['?Snowflake'], symbols: ['SNOW'] },
  { key: 'crowdstrike', asset: 'stock:CRWD', en: ['CrowdStrike'] },
  { key: 'target', asset: 'stock:TGT', en: ['?Target'], symbols: ['TGT'] },
  { key: 'airbnb', asset: 'stock:ABNB', en: ['Airbnb'], hans: ['爱彼迎'], hant: ['愛彼迎'] },
  { key: 'unitedhealth', asset: 'stock:UNH', en: ['UnitedHealth'], hans: ['联合健康'], hant: ['聯合健康'] },
  { key: 'novo-nordisk', asset: 'stock:NVO', en: ['Novo Nordisk'], hans: ['诺和诺德'], hant: ['諾和諾德'] },
  { key: 'pepsico', asset: 'stock:PEP', en: ['PepsiCo'], zh: ['?百事'], symbols: ['PEP'] },
  { key: 'chevron', asset: 'stock:CVX', en: ['=Chevron'], hans: ['雪佛龙'], hant: ['雪佛龍'] },
  {
    key: 'johnson-johnson',
    asset: 'stock:JNJ',
    en: ['Johnson & Johnson'],
    hans: ['?强生'],
    hant: ['?強生'],
    symbols: ['JNJ'],
  },
  {
    key: 'bank-of-america',
    asset: 'stock:BAC',
    en: ['Bank of America'],
    hans: ['美国银行'],
    hant: ['美國銀行'],
  },
  { key: 'citigroup', asset: 'stock:C', en: ['Citigroup'], zh: ['?花旗'], symbols: ['C'] },
  { key: 'wells-fargo', asset: 'stock:WFC', en: ['Wells Fargo'], hans: ['富国银行'], hant: ['富國銀行'] },
  { key: 'hp', asset: 'stock:HPQ', hans: ['惠普'] },
  {
    key: 'applied-materials',
    asset: 'stock:AMAT',
    en: ['Applied Materials'],
    hans: ['应用材料'],
    hant: ['應用材料'],
  },
  {
    key: 'texas-instruments',
    asset: 'stock:TXN',
    en: ['Texas Instruments'],
    hans: ['德州仪器'],
    hant: ['德州儀器'],
  },
  { key: 'trip-com', asset: 'stock:TCOM', en: ['Trip.com'], hans: ['携程'], hant: ['攜程'] },
  { key: 'new-oriental', asset: 'stock:EDU', en: ['New Oriental'], hans: ['新东方'], hant: ['新東方'] },
  { key: 'full-truck', asset: 'stock:YMM', hans: ['满帮'], hant: ['滿幫'] },
  { key: 'tencent-music', asset: 'stock:TME', en: ['Tencent Music'], hans: ['腾讯音乐'], hant: ['騰訊音樂'] },
  { key: 'vipshop', asset: 'stock:VIPS', en: ['Vipshop'], hans: ['唯品会'], hant: ['唯品會'] },
  { key: 'up-fintech', asset: 'stock:TIGR', hans: ['老虎证券'], hant: ['老虎證券'] },
  { key: 'canaan', asset: 'stock:CAN', en: ['Canaan Inc'], zh: ['嘉楠科技'] },
];

function expand(group: Group): NameEntry[] {
  const out: NameEntry[] = [];
  const domain: NameDomain = group.domain ?? (group.asset?.startsWith('cg:') ? 'crypto' : 'company');
  const add = (spelling: string, lang: NameLang): void => {
    const mark = spelling.charAt(0);
    const text = mark === '=' || mark === '?' || mark === '~' ? spelling.slice(1) : spelling;
    const entry: NameEntry = { text, key: group.key, lang };
    if (group.asset) entry.asset = group.asset;
    if (mark === '=') entry.caseSensitive = true;
    if (mark === '~') {
      entry.caseSensitive = true;
      entry.personName = true;
      entry.context = [...TRADE_WORDS, ...(group.context ?? [])];
    }
    if (mark === '?') {
      entry.ambiguous = true;
      entry.caseSensitive = true;
      entry.domain = domain;
      if (group.symbols) entry.symbols = group.symbols;
      if (group.context) entry.context = group.context;
    }
    out.push(entry);
  };
  for (const s of group.en ?? []) add(s, 'en');
  for (const s of group.hans ?? []) add(s, 'zh-Hans');
  for (const s of group.hant ?? []) add(s, 'zh-Hant');
  for (const s of group.zh ?? []) add(s, 'zh');
  for (const s of group.ja ?? []) add(s, 'ja');
  for (const s of group.ko ?? []) add(s, 'ko');
  return out;
}

/** The built-in dictionary, expanded from the table above. */
export const DEFAULT_NAMES: readonly NameEntry[] = GROUPS.flatMap(expand);
