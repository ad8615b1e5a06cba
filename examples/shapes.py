# Classes, inheritance, super(), properties, __repr__ and sorting by key.
import math


class Shape:
    def __init__(self, name):
        self.name = name

    def area(self):
        raise NotImplementedError

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, area={self.area():.2f})"


class Rectangle(Shape):
    def __init__(self, name, width, height):
        super().__init__(name)
        self.width = width
        self.height = height

    def area(self):
        return self.width * self.height


class Square(Rectangle):
    def __init__(self, name, side):
        super().__init__(name, side, side)


class Circle(Shape):
    def __init__(self, name, radius):
        super().__init__(name)
        self.radius = radius

    def area(self):
        return math.pi * self.radius**2

    @property
    def diameter(self):
        return 2 * self.radius


def main():
    shapes = [Rectangle("door", 1, 2), Circle("coin", 0.5), Square("tile", 3)]
    for shape in sorted(shapes, key=lambda s: s.area()):
        print(shape)
    print("total area:", round(sum(s.area() for s in shapes), 3))
    print("coin diameter:", shapes[1].diameter)
    print("squares are rectangles:", isinstance(shapes[2], Rectangle))
    try:
        Shape("abstract").area()
    except NotImplementedError:
        print("Shape.area is abstract")


if __name__ == "__main__":
    main()
