package dev.mailhelp.knowledge;

/** Everything support staff edit in the knowledge folder, loaded and validated. */
public record KnowledgeBase(ConversationTree tree, ArticleLibrary articles, ProviderCatalogue providers, Messages messages,
                            FindingTexts findingTexts, Catalogue catalogue) { }
