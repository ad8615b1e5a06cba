# Dicts, string methods, generators and exceptions: count the words of a
# fixed text and print the most common ones.

TEXT = """
The quick brown fox jumps over the lazy dog. The dog sleeps; the fox
does not. A fox, a dog, and the end of the story.
"""


def words(text):
    for raw in text.split():
        word = raw.strip(".,;").lower()
        if word:
            yield word


def count(items):
    counts = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return counts


def main():
    counts = count(words(TEXT))
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:4]
    for word, n in top:
        print(f"{word:>5} {'#' * n} {n}")
    print("distinct words:", len(counts))
    try:
        print(counts["cat"])
    except KeyError as e:
        print("no", e)


if __name__ == "__main__":
    main()
