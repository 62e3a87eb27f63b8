/**
 * The store listing's words: what `npm run store` writes into store/listing.md beside the package. The name and
 * the short description are the manifest's own (public/_locales/<lang>/messages.json: extName, extDescription), so
 * the stores and the browser say the same; the long descriptions and the reviewers' answers are here.
 */

export const STORE_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt_BR', 'ja'] as const;
export type StoreLanguage = (typeof STORE_LANGUAGES)[number];

/** Chrome Web Store category (AMO: "Photos, Music & Videos"). */
export const CATEGORY = { chrome: 'Entertainment', firefox: 'Photos, Music & Videos' } as const;

export const SINGLE_PURPOSE =
  'Credits Cue tells viewers of films on streaming sites whether the film playing has a scene during or after the end credits, with its ratings, from data bundled in the extension.';

/** Every permission and access the manifest asks for, and why (the stores' review forms). */
export const JUSTIFICATIONS: ReadonlyArray<{ what: string; why: string }> = [
  { what: 'storage', why: "Keeps the viewer's settings (which rating sources show, badge position, per-site switches) in the browser's extension storage." },
  {
    what: 'Content scripts on the supported streaming sites (Prime Video and the Amazon storefronts that serve it, Netflix, Disney+, Max, Hulu, Apple TV+, Paramount+, Peacock)',
    why: 'Reads the title shown in the player or on the detail page to look it up in the bundled data, and shows the badge there. No other site is read; nothing read is sent anywhere.',
  },
  { what: 'Remote code', why: 'None: every script ships in the package; the content security policy forbids anything else.' },
  { what: 'Data collection', why: 'None. The extension makes no network request at all (checked by a test on every change); see PRIVACY.md.' },
];

export const LONG_DESCRIPTIONS: Readonly<Record<StoreLanguage, string>> = {
  en: `Never sit through ten minutes of credits for nothing, and never miss the scene you stayed for.

While a film plays on Prime Video, Netflix, Disney+, Max, Hulu, Apple TV+, Paramount+ or Peacock, Credits Cue shows a small badge in the player: "No end-credit scenes — you can go", or "Stay: 1 mid-credit + 1 post-credit scene". When the credits start it reminds you, and a sound or a text card after the credits is said as such, never as a scene. Where sources disagree, it says so and shows who says what.

It also shows the film's scores from IMDb, Rotten Tomatoes, Metacritic and TMDb, each on its own scale. A popup searches any film, in any language; the options page picks which scores show.

Private by design: everything comes from data bundled in the extension. No account, no API keys, no network requests — nothing about what you watch leaves your browser.`,
  de: `Nie wieder zehn Minuten Abspann umsonst, und nie wieder die Szene verpassen, für die du geblieben bist.

Während ein Film auf Prime Video, Netflix, Disney+, Max, Hulu, Apple TV+, Paramount+ oder Peacock läuft, zeigt Credits Cue einen kleinen Hinweis im Player: „Keine Szenen im oder nach dem Abspann“ oder „Bleib dran: 1 im Abspann + 1 Szene danach“. Beginnt der Abspann, erinnert es dich daran; ein Ton oder eine Texttafel nach dem Abspann wird als solche genannt, nie als Szene. Sind sich die Quellen uneinig, sagt es das und zeigt, wer was sagt.

Dazu die Wertungen des Films von IMDb, Rotten Tomatoes, Metacritic und TMDb, jede auf ihrer eigenen Skala. Ein Popup sucht jeden Film in jeder Sprache; in den Einstellungen wählst du die Wertungen.

Datenschutz von Grund auf: Alles kommt aus Daten, die in der Erweiterung stecken. Kein Konto, keine API-Schlüssel, keine Netzwerkanfragen – nichts darüber, was du schaust, verlässt deinen Browser.`,
  fr: `Ne restez plus dix minutes devant le générique pour rien, et ne manquez plus la scène pour laquelle vous êtes resté.

Pendant qu’un film passe sur Prime Video, Netflix, Disney+, Max, Hulu, Apple TV+, Paramount+ ou Peacock, Credits Cue affiche un petit indicateur dans le lecteur : « Aucune scène pendant ou après le générique » ou « Restez : 1 pendant + 1 scène après le générique ». Au début du générique, il vous le rappelle ; un son ou un texte après le générique est dit comme tel, jamais comme une scène. Quand les sources ne sont pas d’accord, il le dit et montre qui dit quoi.

Il affiche aussi les notes du film sur IMDb, Rotten Tomatoes, Metacritic et TMDb, chacune sur sa propre échelle. Une fenêtre recherche n’importe quel film, dans toute langue ; les réglages choisissent les notes affichées.

Confidentiel par conception : tout vient de données fournies avec l’extension. Pas de compte, pas de clé d’API, aucune requête réseau : rien de ce que vous regardez ne quitte votre navigateur.`,
  es: `No vuelvas a tragarte diez minutos de créditos para nada, ni a perderte la escena por la que te quedaste.

Mientras una película se reproduce en Prime Video, Netflix, Disney+, Max, Hulu, Apple TV+, Paramount+ o Peacock, Credits Cue muestra un pequeño aviso en el reproductor: «Sin escenas durante ni después de los créditos» o «Quédate: 1 durante + 1 escena después de los créditos». Cuando empiezan los créditos te lo recuerda; un sonido o un texto tras los créditos se dice como tal, nunca como una escena. Si las fuentes no coinciden, lo dice y muestra quién dice qué.

También muestra las puntuaciones de la película en IMDb, Rotten Tomatoes, Metacritic y TMDb, cada una en su escala. Una ventana emergente busca cualquier película en cualquier idioma; en los ajustes eliges qué puntuaciones ver.

Privado desde el diseño: todo sale de datos incluidos en la extensión. Sin cuenta, sin claves de API, sin peticiones de red: nada de lo que ves sale de tu navegador.`,
  it: `Mai più dieci minuti di titoli di coda per niente, e mai più perdere la scena per cui sei rimasto.

Mentre un film va su Prime Video, Netflix, Disney+, Max, Hulu, Apple TV+, Paramount+ o Peacock, Credits Cue mostra un piccolo avviso nel player: «Nessuna scena durante o dopo i titoli di coda» oppure «Resta: 1 durante + 1 scena dopo i titoli di coda». Quando partono i titoli di coda te lo ricorda; un suono o un testo dopo i titoli viene detto per quello che è, mai come una scena. Se le fonti non concordano, lo dice e mostra chi dice cosa.

Mostra anche i voti del film su IMDb, Rotten Tomatoes, Metacritic e TMDb, ognuno sulla sua scala. Un popup cerca qualsiasi film in qualsiasi lingua; nelle impostazioni scegli quali voti vedere.

Riservato per progetto: tutto viene da dati inclusi nell’estensione. Nessun account, nessuna chiave API, nessuna richiesta di rete: nulla di ciò che guardi lascia il tuo browser.`,
  pt_BR: `Nunca mais fique dez minutos vendo créditos à toa, nem perca a cena pela qual você ficou.

Enquanto um filme passa no Prime Video, Netflix, Disney+, Max, Hulu, Apple TV+, Paramount+ ou Peacock, o Credits Cue mostra um pequeno aviso no player: "Sem cenas durante ou depois dos créditos" ou "Fique: 1 durante + 1 cena depois dos créditos". Quando os créditos começam, ele avisa; um som ou um texto depois dos créditos é dito como tal, nunca como cena. Quando as fontes discordam, ele diz e mostra quem diz o quê.

Também mostra as notas do filme no IMDb, Rotten Tomatoes, Metacritic e TMDb, cada uma na sua própria escala. Um pop-up busca qualquer filme em qualquer idioma; nas configurações você escolhe quais notas aparecem.

Privado por natureza: tudo vem de dados que acompanham a extensão. Sem conta, sem chaves de API, sem requisições de rede: nada do que você assiste sai do seu navegador.`,
  ja: `エンドクレジットを無駄に10分待つことも、そのために残っていたシーンを見逃すこともなくなります。

Prime Video、Netflix、Disney+、Max、Hulu、Apple TV+、Paramount+、Peacock で映画を再生していると、Credits Cue がプレーヤー内に小さく表示します：「クレジット中・後のシーンはありません」または「席を立たないで：クレジット中に 1、後に 1 シーン」。クレジットが始まると知らせ、クレジット後の音声や文字だけの場合はシーンとは言わずにそのまま伝えます。情報源によって意見が分かれるときはそう示し、誰が何と言っているかを表示します。

IMDb、Rotten Tomatoes、Metacritic、TMDb の評価もそれぞれの尺度で表示します。ポップアップからはどの言語でも作品を検索でき、設定で表示する評価を選べます。

プライバシーを最初から重視：すべて拡張機能に同梱されたデータから表示します。アカウントも API キーもネットワーク通信も不要で、視聴内容がブラウザーの外に出ることはありません。`,
};

/** The caption over each screenshot, per language (the scene says the rest). */
export const CAPTIONS: Readonly<Record<'en' | 'de', Record<'badge' | 'alert' | 'popup' | 'options', string>>> = {
  en: {
    badge: 'Stay or go? The answer, in the player',
    alert: 'When the credits start: a scene is coming',
    popup: 'Any film: a sound after the credits is not a scene',
    options: 'Your scores, your badge, your sites',
  },
  de: {
    badge: 'Bleiben oder gehen? Die Antwort, im Player',
    alert: 'Wenn der Abspann beginnt: Es kommt noch eine Szene',
    popup: 'Jeder Film: Ein Ton nach dem Abspann ist keine Szene',
    options: 'Deine Wertungen, dein Hinweis, deine Websites',
  },
};
