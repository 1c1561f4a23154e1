namespace KropotkinSite.Content;

public enum WorkKind { Book, Pamphlet, Article, Collection }
